using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Accounts;
using ParIndex.Silo.Files;
using ParIndex.Silo.Import;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Workflow;

namespace ParIndex.Silo.Demo;

/// <summary>
/// Seeds the demo: Bắc Kạn 2019 and 2020 (real units, synthetic scores matching the published 2020
/// figures) and Thái Nguyên 2025 after the reform. The same files as examples/, through the same
/// readers and importers as the command line. Bắc Kạn's two years are then published, each group by a
/// decision of its assessor, through the same PublicationService as the publish page and `publish`, so
/// that a visitor reads rankings and drill-downs without signing in; Thái Nguyên 2025 stays in progress.
/// </summary>
public static class DemoSeeder
{
    public const string Notice = "Dữ liệu minh họa: đơn vị hành chính là thật, điểm số là giả lập.";

    /// <summary>The demo's cycles, whose pages carry the notice that their scores are synthetic.</summary>
    public static readonly IReadOnlySet<string> CycleIds = new HashSet<string>(StringComparer.Ordinal) { "par-2019-06", "par-2020-06", "par-2025-19" };

    /// <summary>The demo's password for every demo account (README lists them); demo databases only.</summary>
    public const string DemoPassword = "demo-ParIndex-2020";

    /// <summary>One demo account per role, so that a visitor can try each (README lists them).</summary>
    public static readonly (string UserName, string DisplayName, RoleGrant[] Grants)[] Accounts =
    [
        ("snv.backan", "Sở Nội vụ tỉnh Bắc Kạn", [new RoleGrant(Role.ProvinceAdmin, "06")]),
        ("pnv.tpbackan", "Phòng Nội vụ thành phố Bắc Kạn", [new RoleGrant(Role.DistrictAdmin, "058")]),
        ("thamdinh.xa058", "Tổ thẩm định cấp xã thành phố Bắc Kạn", [new RoleGrant(Role.Appraiser, "058", new HashSet<string> { "xa-058" })]),
        ("phuong.ntmk", "Cán bộ phường Nguyễn Thị Minh Khai", [new RoleGrant(Role.UnitEditor, "01834")]),
        ("lanhdao.backan", "Lãnh đạo UBND tỉnh Bắc Kạn", [new RoleGrant(Role.Viewer, "06")]),
        ("snv.thainguyen", "Sở Nội vụ tỉnh Thái Nguyên", [new RoleGrant(Role.ProvinceAdmin, "19")]),
        // Reads both provinces' results, published or not (a ministry's view): what the read-only tests sign in as.
        ("xem.bnv", "Bộ Nội vụ (xem kết quả)", [new RoleGrant(Role.Viewer, "06"), new RoleGrant(Role.Viewer, "19")]),
        // Runs the installation (the Orleans dashboard) and reads no scorecard.
        ("quantri", "Quản trị hệ thống", [new RoleGrant(Role.SystemAdmin, "06")]),
    ];

    private static readonly (string Kind, string Resource, string? Cycle)[] Steps =
    [
        ("units", "examples/bac-kan/units.csv", null),
        ("units", "examples/thai-nguyen/units.csv", null),
        ("cycle", "examples/bac-kan/cycle-2019.json", null),
        ("scores", "examples/bac-kan/scores-2019.csv", "par-2019-06"),
        ("cycle", "examples/bac-kan/cycle-2020.json", null),
        ("scores", "examples/bac-kan/scores-2020.csv", "par-2020-06"),
        ("cycle", "examples/thai-nguyen/cycle-2025.json", null),
        ("scores", "examples/thai-nguyen/scores-2025.csv", "par-2025-19"),
    ];

    /// <summary>Who the seeder's imports and decisions are recorded as (the audit and the publications name it).</summary>
    public const string User = "demo";

    /// <summary>
    /// The decisions that published Bắc Kạn's results: per cycle, per assessor (the province for its departments and
    /// districts; each district for its communes and its offices), one decision for every group that assessor ranks.
    /// 2020's province decision is the real one (QĐ 202/QĐ-UBND, 09/02/2021). 2019's results were announced on
    /// 04/02/2020; its decision number, and every district's number and date, are illustrative, not the real ones.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, (string Number, DateOnly Date)>> Decisions =
        new Dictionary<string, IReadOnlyDictionary<string, (string, DateOnly)>>(StringComparer.Ordinal)
        {
            ["par-2019-06"] = new Dictionary<string, (string, DateOnly)>(StringComparer.Ordinal)
            {
                ["06"] = ("186/QĐ-UBND", new DateOnly(2020, 2, 4)), // illustrative number; the date is when Bắc Kạn announced 2019
                ["058"] = ("312/QĐ-UBND", new DateOnly(2020, 1, 20)),
                ["060"] = ("95/QĐ-UBND", new DateOnly(2020, 1, 21)),
                ["061"] = ("148/QĐ-UBND", new DateOnly(2020, 1, 22)),
                ["062"] = ("87/QĐ-UBND", new DateOnly(2020, 1, 21)),
                ["063"] = ("126/QĐ-UBND", new DateOnly(2020, 1, 20)),
                ["064"] = ("203/QĐ-UBND", new DateOnly(2020, 1, 22)),
                ["065"] = ("141/QĐ-UBND", new DateOnly(2020, 1, 17)),
                ["066"] = ("176/QĐ-UBND", new DateOnly(2020, 1, 21)),
            },
            ["par-2020-06"] = new Dictionary<string, (string, DateOnly)>(StringComparer.Ordinal)
            {
                ["06"] = ("202/QĐ-UBND", new DateOnly(2021, 2, 9)), // the real decision (QĐ 202/QĐ-UBND, 09/02/2021)
                ["058"] = ("286/QĐ-UBND", new DateOnly(2021, 1, 25)),
                ["060"] = ("102/QĐ-UBND", new DateOnly(2021, 1, 26)),
                ["061"] = ("157/QĐ-UBND", new DateOnly(2021, 1, 27)),
                ["062"] = ("94/QĐ-UBND", new DateOnly(2021, 1, 26)),
                ["063"] = ("131/QĐ-UBND", new DateOnly(2021, 1, 25)),
                ["064"] = ("219/QĐ-UBND", new DateOnly(2021, 1, 27)),
                ["065"] = ("150/QĐ-UBND", new DateOnly(2021, 1, 22)),
                ["066"] = ("183/QĐ-UBND", new DateOnly(2021, 1, 26)),
            },
        };

    /// <summary>
    /// Seeds only an empty database (no cycle yet); returns whether it seeded. With <paramref name="publish"/> false
    /// the demo stays as it stood before the decisions (every scorecard a draft with its imported appraisal), for
    /// practising appraisal and publication on Bắc Kạn's data (`demo --unpublished`).
    /// </summary>
    public static async Task<bool> SeedIfEmptyAsync(IServiceProvider services, IProgress<string>? progress = null, CancellationToken cancellationToken = default, bool publish = true)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<ParIndexDbContext>>().CreateDbContextAsync(cancellationToken))
            if (await db.Cycles.AnyAsync(cancellationToken)) return false;

        foreach (var (kind, resource, cycleId) in Steps)
        {
            progress?.Report($"Đang nạp dữ liệu minh họa: {resource}…");
            using var reader = new StreamReader(Open(resource));
            var name = Path.GetFileName(resource);
            switch (kind)
            {
                case "units":
                    var importer = services.GetRequiredService<UnitImporter>();
                    await importer.ImportAsync(Valid(UnitsCsv.Read(reader, name, await importer.LoadDirectoryAsync(cancellationToken)), name), name, cancellationToken);
                    break;
                case "cycle":
                    await services.GetRequiredService<CycleImporter>().ImportAsync(Valid(CycleJson.Read(reader, name), name), name, cancellationToken);
                    break;
                default:
                    var definition = (await services.GetRequiredService<ICycleStore>().LoadAsync(cycleId!, cancellationToken))!;
                    using (var scores = ScoresFile.Read(services.GetRequiredService<ImportFiles>(), Open(resource), name, definition))
                    {
                        Valid(scores.Rows, name);
                        await services.GetRequiredService<ScoreImporter>().ImportAsync(cycleId!, scores, User, "demo", null, cancellationToken);
                    }
                    break;
            }
        }
        var accounts = services.GetRequiredService<AccountService>();
        foreach (var (userName, displayName, grants) in Accounts)
            await accounts.AddAsync(userName, displayName, DemoPassword, grants, cancellationToken);
        if (publish) await PublishAsync(services, progress, cancellationToken);
        return true;
    }

    /// <summary>
    /// Publishes every group of Bắc Kạn 2019 and 2020 by its assessor's decision, as the publish page would. The
    /// scorecards are drafts whose appraisal came in with the scores files: publication asks only that no result be
    /// provisional (the imported appraisal is the official one, README "publish"), which PublicationService checks
    /// and refuses otherwise. Stepping each card through submission and appraisal first would fill the audit with
    /// steps nobody took.
    /// </summary>
    private static async Task PublishAsync(IServiceProvider services, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var publications = services.GetRequiredService<PublicationService>();
        foreach (var (cycleId, decisions) in Decisions)
        {
            var definition = (await services.GetRequiredService<ICycleStore>().LoadAsync(cycleId, cancellationToken))!;
            // Every group, not every listed assessor: a group whose assessor has no decision here is a mistake, not left unpublished.
            foreach (var group in definition.Cycle.Groups)
            {
                var (number, date) = decisions.TryGetValue(group.AssessorCode, out var d) ? d
                    : throw new InvalidOperationException($"Dữ liệu minh họa: không có quyết định công bố của {group.AssessorCode} cho nhóm {group.Code} kỳ {cycleId}.");
                progress?.Report($"Đang công bố kết quả minh họa {cycleId}, nhóm {group.Code}, theo Quyết định số {number}…");
                await publications.PublishAsync(cycleId, group.Code, new Decision(number, date, Signer(definition.Unit(group.AssessorCode)!)), User, cancellationToken);
            }
        }
    }

    /// <summary>"Chủ tịch UBND tỉnh Bắc Kạn", "Chủ tịch UBND thành phố Bắc Kạn": the head of the assessor's people's committee signs.</summary>
    private static string Signer(Grains.Domain.AdministrativeUnit assessor)
    {
        var name = assessor.Name.StartsWith(assessor.Type + " ", StringComparison.OrdinalIgnoreCase) ? assessor.Name[(assessor.Type.Length + 1)..] : assessor.Name;
        return $"Chủ tịch UBND {assessor.Type.ToLowerInvariant()} {name}";
    }

    public static IReadOnlyList<string> Resources => typeof(DemoSeeder).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("examples/", StringComparison.Ordinal)).ToList();

    public static Stream Open(string resource) =>
        typeof(DemoSeeder).Assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"Missing demo resource {resource}.");

    private static T Valid<T>(ReadResult<T> read, string name) where T : class =>
        read.IsValid ? read.Value : throw new ImportRefusedException($"Dữ liệu minh họa {name} không hợp lệ.", read.Problems.Select(p => p.ToString()).ToList());
}
