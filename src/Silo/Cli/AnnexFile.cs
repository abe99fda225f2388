using System.CommandLine;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Annex;

namespace ParIndex.Silo.Cli;

/// <summary>`--docx FILE` of `publish` and `results`: the decision's annex as a Word document (docs/command-line.md).</summary>
internal static class AnnexFile
{
    public static Option<FileInfo?> Option() => new("--docx") { Description = "Ghi Phụ lục của quyết định (tệp Word .docx) vào tệp này." };

    /// <summary>Checked before anything is done, so that a bad path refuses the command rather than fail after it.</summary>
    public static void CheckFolder(FileInfo file)
    {
        if (!file.Name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
            throw new DomainException($"Tệp phụ lục \"{file.Name}\" phải có đuôi .docx.");
        if (file.Directory is { Exists: false } folder)
            throw new DomainException($"Không có thư mục \"{folder.FullName}\" để ghi tệp phụ lục {file.Name}.");
    }

    /// <summary>Written beside the target then moved over it, so a failure never leaves half a document.</summary>
    public static async Task WriteAsync(CliApp app, FileInfo file, DecisionAnnex annex, CancellationToken cancellationToken)
    {
        CheckFolder(file);
        var bytes = AnnexDocx.Write(annex);
        var temporary = file.FullName + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, file.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // nothing left behind when the write or the move failed; a no-op after the move
        }
        var groups = string.Join(", ", annex.Tables.Select(t => $"{t.Group.Code} (phiên bản {t.Version})"));
        await app.Output.WriteLineAsync($"Đã ghi Phụ lục Quyết định số {annex.Decision.Number}, nhóm {groups}, vào {file.Name}.");
    }
}
