using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Evidence;

/// <summary>Where evidence files live (outside the web root) and how large one may be.</summary>
public sealed record EvidenceOptions(string Folder, long MaxBytes = EvidenceOptions.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;
}

/// <summary>A stored evidence file (tài liệu kiểm chứng) of one item of one unit's scorecard.</summary>
public sealed record EvidenceFile(long Id, string CycleId, string UnitCode, string ItemCode, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset At);

/// <summary>
/// Evidence files: checked (size, name, type by content), stored once under their content hash, and
/// described in the database. A refused file, or one whose writing failed (a full disk), leaves nothing behind.
/// </summary>
public class EvidenceStore(IDbContextFactory<ParIndexDbContext> contexts, EvidenceOptions options, TimeProvider clock)
{
    public async Task<EvidenceFile> AddAsync(string cycleId, string unitCode, string itemCode, string fileName, Stream content, string user, CancellationToken cancellationToken = default)
    {
        var name = CheckName(fileName);
        var bytes = await ReadLimitedAsync(content, fileName, cancellationToken);
        var extension = Path.GetExtension(name);
        if (!EvidenceFileType.Allowed.TryGetValue(extension, out var declared))
            throw new DomainException($"Tệp \"{name}\": chỉ nhận PDF, DOCX, XLSX, JPG, PNG.");
        var actual = EvidenceFileType.Detect(bytes);
        if (actual is null || actual != declared)
            throw new DomainException($"Tệp \"{name}\": nội dung không phải là tệp {extension.TrimStart('.').ToUpperInvariant()} hợp lệ.");

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Scorecards.AnyAsync(s => s.CycleId == cycleId && s.UnitCode == unitCode, cancellationToken))
            throw new NotFoundException($"Không có phiếu chấm của đơn vị {unitCode} trong kỳ {cycleId}.");

        await WriteOnceAsync(hash, bytes, cancellationToken);
        var row = new EvidenceRow
        {
            CycleId = cycleId, UnitCode = unitCode, ItemCode = itemCode, FileName = name, ContentType = actual, Size = bytes.Length,
            Sha256 = hash, UploadedBy = user, At = clock.GetUtcNow(),
        };
        db.Evidence.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return ToFile(row);
    }

    public async Task<IReadOnlyList<EvidenceFile>> ListAsync(string cycleId, string unitCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Evidence.AsNoTracking().Where(e => e.CycleId == cycleId && e.UnitCode == unitCode).OrderBy(e => e.Id).ToListAsync(cancellationToken))
            .Select(ToFile).ToList();
    }

    /// <summary>The file and its content; the caller checks that the reader may read that scorecard.</summary>
    public async Task<(EvidenceFile File, Stream Content)?> OpenAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return row is null ? null : (ToFile(row), File.OpenRead(PathOf(row.Sha256)));
    }

    /// <summary>Names are shown to people, never used as paths: no folders, no "..", no control characters.</summary>
    private static string CheckName(string fileName)
    {
        var name = FreeText.Clean(fileName).Trim();
        if (name.Length is 0 or > 200 || name.Contains('/') || name.Contains('\\') || name.Contains("..") || name.Any(char.IsControl))
            throw new DomainException($"Tên tệp \"{fileName}\" không hợp lệ (không được chứa đường dẫn hay \"..\", tối đa 200 ký tự).");
        return name;
    }

    private async Task<byte[]> ReadLimitedAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxBytes)
                throw new DomainException($"Tệp \"{fileName}\" vượt quá dung lượng cho phép {options.MaxBytes / (1024 * 1024)} MB.");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw new DomainException($"Tệp \"{fileName}\" rỗng.");
        return buffer.ToArray();
    }

    private string PathOf(string hash) => Path.Combine(options.Folder, hash[..2], hash);

    /// <summary>
    /// Same content, same file: written once, atomically (a temporary file moved into place). A write that
    /// fails half-way (no space left, the request cancelled) removes its temporary file before the error goes on.
    /// </summary>
    private async Task WriteOnceAsync(string hash, byte[] bytes, CancellationToken cancellationToken)
    {
        var path = PathOf(hash);
        if (File.Exists(path)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = CreateTemporary(temporary))
            {
                await file.WriteAsync(bytes, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temporary); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // the original error is the one to tell
            throw;
        }
    }

    /// <summary>Creates the temporary file a new evidence file is written to; tests override it to fill the disk half-way.</summary>
    protected virtual Stream CreateTemporary(string path) => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);

    private static EvidenceFile ToFile(EvidenceRow r) => new(r.Id, r.CycleId, r.UnitCode, r.ItemCode, r.FileName, r.ContentType, r.Size, r.Sha256, r.UploadedBy, r.At);
}
