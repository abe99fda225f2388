using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Evidence;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Evidence;

/// <summary>
/// When evidence may be attached, decided in the code the web shares (not in a page): to an appraisal item, while the unit
/// may enter that item's self score. Thái Nguyên 2025's provincial office is a draft in the demo, with no deadline set.
/// </summary>
[Collection(DemoCollection.Name)]
public class EvidenceUploadsTests(DemoDatabase demo)
{
    private const string Cycle = "par-2025-19", Unit = "19-VPUBND";

    private static MemoryStream Pdf() => new(Encoding.UTF8.GetBytes("%PDF-1.7\nKế hoạch CCHC năm 2025\n%%EOF"));

    [Fact]
    public async Task A_draft_takes_evidence_for_an_appraisal_item_and_nothing_once_submitted()
    {
        await using var db = await demo.CopyAsync(DatabaseOptions.Sqlite);
        await using var silo = await db.SiloAsync();
        var uploads = silo.GetRequiredService<EvidenceUploads>();

        var stored = await uploads.AddAsync(Cycle, Unit, "1.1.1", "ke-hoach.pdf", Pdf(), "vp.thainguyen");
        Assert.Equal("1.1.1", stored.ItemCode);

        // 1.7.1 is scored by the survey: no evidence goes with it.
        var survey = await Assert.ThrowsAsync<DomainException>(() => uploads.AddAsync(Cycle, Unit, "1.7.1", "x.pdf", Pdf(), "vp.thainguyen"));
        Assert.Contains("Không có tiêu chí \"1.7.1\"", survey.Message);

        await silo.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, Unit)).SubmitAsync("vp.thainguyen");
        var submitted = await Assert.ThrowsAsync<DomainException>(() => uploads.AddAsync(Cycle, Unit, "1.1.1", "bo-sung.pdf", Pdf(), "vp.thainguyen"));
        Assert.StartsWith("Không tải được tài liệu kiểm chứng: ", submitted.Message);
        Assert.Single(await silo.GetRequiredService<EvidenceStore>().ListAsync(Cycle, Unit));
    }
}
