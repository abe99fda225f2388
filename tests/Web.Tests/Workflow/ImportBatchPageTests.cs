using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Import;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Tests.Api;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>Issue 17: a unit's history shows an import as one batch entry, and its values are traced to their lines of the stored file.</summary>
public class ImportBatchPageTests
{
    // 1 header · 2 another unit · 3–4 a note over two lines (CRLF) · 5 · 6 a row the history page must not show to 06-SCT's readers as theirs.
    private const string Csv =
        "unit_code,item_code,kind,value,note\r\n" +
        "06-SNV,1.1.1,self,1,\r\n" +
        "06-SCT,1.1.1,appraised,0.5,\"Đủ hồ sơ\r\nsau bổ sung\"\r\n" +
        "06-SCT,1.1.2,self,0,\r\n" +
        "06-SNV,1.1.2,self,0,\r\n";

    [Fact]
    public Task An_import_is_one_line_of_the_history_and_its_rows_are_found_at_their_lines() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var bytes = Encoding.UTF8.GetBytes(Csv);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var definition = await app.Services.GetRequiredService<ICycleStore>().LoadAsync("par-2020-06", CancellationToken.None);
        using (var file = ScoresFile.Read(app.Services.GetRequiredService<ImportFiles>(), new MemoryStream(bytes), "diem-bo-sung.csv", definition!))
            await app.Services.GetRequiredService<ScoreImporter>().ImportAsync("par-2020-06", file, "snv.backan", "cli");

        var history = await app.Services.GetRequiredService<WorkflowQueries>().AuditAsync("par-2020-06", "06-SCT");
        var batch = Assert.Single(history.Lines, l => l.Batch is { FileName: "diem-bo-sung.csv" }).Batch!;
        Assert.Equal((sha, 4, 3, 5), (batch.Sha256, batch.RowCount, batch.FirstLine, batch.LastLine));

        var staff = await Staff.SignInAsync(app, "snv.backan");
        var html = await staff.OkAsync("/cycles/par-2020-06/units/06-SCT/nhat-ky");
        Assert.Contains($"Nhập từ tệp diem-bo-sung.csv (lô #{batch.Id}, SHA-256 {sha[..8]}…{sha[^4..]}, 4 dòng)", html);
        Assert.Contains($"href=\"/cycles/par-2020-06/units/06-SCT/nhat-ky/lo/{batch.Id}\">Dòng 3–5 của tệp</a>", html);
        Assert.Contains("Nhập điểm từ tệp", html);

        // One item's history offers its line, which the batch page finds in the stored copy.
        var item = await staff.OkAsync("/cycles/par-2020-06/units/06-SCT/nhat-ky?item=1.1.2");
        Assert.Contains($"href=\"/cycles/par-2020-06/units/06-SCT/nhat-ky/lo/{batch.Id}?item=1.1.2\"", item);
        var page = await staff.OkAsync($"/cycles/par-2020-06/units/06-SCT/nhat-ky/lo/{batch.Id}?item=1.1.2");
        Assert.Contains($"Nhập từ tệp diem-bo-sung.csv (lô #{batch.Id}", page);
        Assert.Contains(sha, page);
        Assert.Equal(["5"], Lines(page));
        // The whole unit: its two rows, the note over lines 3–4 at line 3; never another unit's rows.
        var unit = await staff.OkAsync($"/cycles/par-2020-06/units/06-SCT/nhat-ky/lo/{batch.Id}");
        Assert.Equal(["3", "5"], Lines(unit));
        Assert.Contains("Đủ hồ sơ", unit);

        // A batch that did not touch the unit is not found from it.
        var (status, _) = await staff.GetAsync($"/cycles/par-2020-06/units/06-SVHTTDL/nhat-ky/lo/{batch.Id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, status);
    });

    private static string[] Lines(string html) =>
        Regex.Matches(Regex.Match(html, "data-testid=\"batch-rows\"[\\s\\S]*?</tbody>").Value, "<td class=\"pi-when\">([^<]*)</td>").Select(m => m.Groups[1].Value).ToArray();
}
