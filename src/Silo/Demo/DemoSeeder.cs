using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Accounts;
using ParIndex.Silo.Files;
using ParIndex.Silo.Import;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Demo;

/// <summary>
/// Seeds the demo: Bắc Kạn 2019 and 2020 (real units, synthetic scores matching the published 2020
/// figures) and Thái Nguyên 2025 after the reform. The same files as examples/, through the same
/// readers and importers as the command line.
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

    /// <summary>Seeds only an empty database (no cycle yet); returns whether it seeded.</summary>
    public static async Task<bool> SeedIfEmptyAsync(IServiceProvider services, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
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
                    var scores = Valid(ScoresCsv.Read(reader, name, u => definition.GroupOf(u) is { } g ? definition.Cycle.FrameworkOf(g) : null), name);
                    await services.GetRequiredService<ScoreImporter>().ImportAsync(cycleId!, scores.Select(s => s.Entry).ToList(), "demo", "demo", null, cancellationToken);
                    break;
            }
        }
        var accounts = services.GetRequiredService<AccountService>();
        foreach (var (userName, displayName, grants) in Accounts)
            await accounts.AddAsync(userName, displayName, DemoPassword, grants, cancellationToken);
        return true;
    }

    public static IReadOnlyList<string> Resources => typeof(DemoSeeder).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("examples/", StringComparison.Ordinal)).ToList();

    public static Stream Open(string resource) =>
        typeof(DemoSeeder).Assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"Missing demo resource {resource}.");

    private static T Valid<T>(ReadResult<T> read, string name) where T : class =>
        read.IsValid ? read.Value : throw new ImportRefusedException($"Dữ liệu minh họa {name} không hợp lệ.", read.Problems.Select(p => p.ToString()).ToList());
}
