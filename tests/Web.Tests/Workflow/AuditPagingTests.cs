using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Tests.Api;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>Issue 13, point 6: a burst of changes never pushes a unit's older history out of reach; the audit is paged.</summary>
public class AuditPagingTests
{
    [Fact]
    public Task Every_line_of_a_long_history_is_on_exactly_one_page_newest_first() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var queries = app.Services.GetRequiredService<WorkflowQueries>();
        var first = await queries.AuditAsync("par-2020-06", "06-SCT");
        var oldest = first.Total == 0 ? null : (await queries.AuditAsync("par-2020-06", "06-SCT", page: first.Pages)).Lines[^1];

        var card = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard("par-2020-06", "06-SCT"));
        const int writes = 250;
        for (var i = 0; i < writes; i++)
            await card.SetValuesAsync(new ScoreChange([new ScoreEntry("06-SCT", "1.1.1", ScoreKind.Appraised, i % 2 == 0 ? 0m : 0.5m)], "snv.backan", "api"));

        var total = first.Total + writes;
        var pages = (total + WorkflowQueries.AuditPageSize - 1) / WorkflowQueries.AuditPageSize;
        var all = new List<AuditLine>();
        for (var page = 1; page <= pages; page++)
        {
            var history = await queries.AuditAsync("par-2020-06", "06-SCT", page: page);
            Assert.Equal((total, pages, page), (history.Total, history.Pages, history.Page));
            all.AddRange(history.Lines);
        }
        // Ids are per table: an audit row, an evidence file and an import batch may share one.
        Assert.Equal(total, all.Select(l => (l.EvidenceId is null, l.Batch is null, l.Id)).Distinct().Count());
        Assert.Equal(all.OrderByDescending(l => l.At).ThenByDescending(l => l.Id), all);
        if (oldest is not null) Assert.Equal((oldest.Id, oldest.Kind), (all[^1].Id, all[^1].Kind)); // the oldest line is still there, last
        Assert.Equal(writes, all.Count(l => l.User == "snv.backan" && l.Origin == "api"));

        // The page in a browser: page 2 of the whole history, and of one item's.
        var staff = await Staff.SignInAsync(app, "snv.backan");
        var html = await staff.OkAsync("/cycles/par-2020-06/units/06-SCT/nhat-ky?trang=2");
        Assert.Contains($"trang 2/{pages}", html);
        Assert.Equal(WorkflowQueries.AuditPageSize, Regex.Matches(html, "<tr data-kind=").Count);
        Assert.Contains("href=\"/cycles/par-2020-06/units/06-SCT/nhat-ky?trang=3\"", html);
        var item = await staff.OkAsync("/cycles/par-2020-06/units/06-SCT/nhat-ky?item=1.1.1&trang=2");
        Assert.Contains("trang 2/", item);
        Assert.Contains("nhat-ky?item=1.1.1&trang=1", item);
    });
}
