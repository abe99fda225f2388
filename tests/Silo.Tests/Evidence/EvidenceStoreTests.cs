using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Evidence;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Evidence;

/// <summary>Evidence uploads: type by content, size limit, safe names, stored once by hash, nothing left of a refusal.</summary>
[Collection(DemoCollection.Name)]
public class EvidenceStoreTests(DemoDatabase demo)
{
    private const string Cycle = "par-2020-06";

    private static byte[] Pdf(string text = "Kế hoạch CCHC năm 2020") => Encoding.UTF8.GetBytes("%PDF-1.7\n" + text + "\n%%EOF");

    private static byte[] Zip(params string[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in entries)
                using (var writer = new StreamWriter(zip.CreateEntry(entry).Open())) writer.Write("<x/>");
        return buffer.ToArray();
    }

    private sealed class Fixture : IAsyncDisposable
    {
        public required TempFolder Folder { get; init; }
        public required RunningSilo Services { get; init; }
        public required TestDatabase Db { get; init; }
        public EvidenceStore Store(long maxBytes = EvidenceOptions.DefaultMaxBytes) => new(
            Services.GetRequiredService<IDbContextFactory<ParIndexDbContext>>(), new EvidenceOptions(Folder.Path("evidence"), maxBytes), TimeProvider.System);
        public string[] StoredFiles => Directory.Exists(Folder.Path("evidence")) ? Directory.GetFiles(Folder.Path("evidence"), "*", SearchOption.AllDirectories) : [];
        public async ValueTask DisposeAsync() { await Services.DisposeAsync(); await Db.DisposeAsync(); Folder.Dispose(); }
    }

    private async Task<Fixture> StartAsync()
    {
        var folder = new TempFolder();
        var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        return new Fixture { Folder = folder, Db = db, Services = await db.SiloAsync() };
    }

    private static Task<EvidenceFile> AddAsync(EvidenceStore store, string name, byte[] content) =>
        store.AddAsync(Cycle, "06-SNV", "1.1.1", name, new MemoryStream(content), "phuong.ntmk");

    [Fact]
    public async Task A_pdf_is_stored_under_its_content_hash_outside_the_web_root_and_read_back()
    {
        await using var f = await StartAsync();
        var file = await AddAsync(f.Store(), "Kế hoạch số 12.pdf", Pdf());
        Assert.Equal("application/pdf", file.ContentType);
        var stored = Assert.Single(f.StoredFiles);
        Assert.Equal(file.Sha256, Path.GetFileName(stored));
        var (read, content) = (await f.Store().OpenAsync(file.Id))!.Value;
        await using (content) Assert.Equal(Pdf(), ReadAll(content));
        Assert.Equal("Kế hoạch số 12.pdf", read.FileName);
    }

    [Fact]
    public async Task The_same_content_twice_is_stored_once_and_listed_twice()
    {
        await using var f = await StartAsync();
        await AddAsync(f.Store(), "a.pdf", Pdf());
        await AddAsync(f.Store(), "b.pdf", Pdf());
        Assert.Single(f.StoredFiles);
        Assert.Equal(2, (await f.Store().ListAsync(Cycle, "06-SNV")).Count);
    }

    [Fact]
    public async Task Word_Excel_jpg_and_png_are_recognised_by_their_content()
    {
        await using var f = await StartAsync();
        Assert.EndsWith("wordprocessingml.document", (await AddAsync(f.Store(), "bao-cao.docx", Zip("[Content_Types].xml", "word/document.xml"))).ContentType);
        Assert.EndsWith("spreadsheetml.sheet", (await AddAsync(f.Store(), "so-lieu.xlsx", Zip("[Content_Types].xml", "xl/workbook.xml"))).ContentType);
        Assert.Equal("image/jpeg", (await AddAsync(f.Store(), "anh.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])).ContentType);
        Assert.Equal("image/png", (await AddAsync(f.Store(), "anh.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])).ContentType);
    }

    public static TheoryData<string, byte[], string> Refused() => new()
    {
        { "chuong-trinh.pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0], "không phải là tệp PDF" },   // an executable renamed .pdf
        { "ghi-chu.txt", Encoding.UTF8.GetBytes("văn bản"), "chỉ nhận" },
        { "../../etc/passwd.pdf", Pdf(), "không hợp lệ" },
        { "..\\x.pdf", Pdf(), "không hợp lệ" },
        { "gia-mao.docx", Zip("[Content_Types].xml", "other/part.xml"), "không phải là tệp DOCX" },
        { "anh.png", Pdf(), "không phải là tệp PNG" },
        { "rong.pdf", [], "rỗng" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_bad_file_is_refused_and_nothing_is_stored(string name, byte[] content, string message)
    {
        await using var f = await StartAsync();
        var error = await Assert.ThrowsAsync<DomainException>(() => AddAsync(f.Store(), name, content));
        Assert.Contains(message, error.Message);
        Assert.Empty(f.StoredFiles);
        Assert.Equal(0, await f.Db.CountAsync("evidence"));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_and_nothing_is_stored()
    {
        await using var f = await StartAsync();
        var error = await Assert.ThrowsAsync<DomainException>(() => AddAsync(f.Store(maxBytes: 1024), "lon.pdf", Pdf(new string('x', 2000))));
        Assert.Contains("dung lượng", error.Message);
        Assert.Empty(f.StoredFiles);
        Assert.Equal(0, await f.Db.CountAsync("evidence"));
    }

    private static byte[] ReadAll(Stream s)
    {
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
