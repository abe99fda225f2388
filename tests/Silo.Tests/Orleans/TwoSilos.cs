using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.TestingHost;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Storage;
using ParIndex.Silo.Tests.Support;

// Not "…Tests.Orleans": a namespace of that name would hide Orleans' own from every other namespace of the tests.
namespace ParIndex.Silo.Tests.OrleansCluster;

/// <summary>
/// Two silos of Orleans' in-process test cluster running ParIndex's grains (AddParIndexGrains: our services, stores and
/// grain storage) on one database, shared by every test of a collection: the cluster brings its own membership, the
/// database is ours, migrated and seeded once before the first silo starts.
/// </summary>
/// <remarks>
/// The data: the small cycle <see cref="CycleId"/> below, imported through the command line as an operator would, whose
/// indices a reader can work out by hand. Each test owns the units it writes (see <see cref="TwoSiloClusterTests"/>), so
/// that tests sharing the cluster never see each other's values, whatever order they run in.
/// </remarks>
public abstract class TwoSilos(string provider) : IAsyncLifetime
{
    public const string CycleId = "cum-2024";

    /// <summary>
    /// Calls that get no answer fail after this, not after Orleans' default 30 s: a test that would hang on a stopped
    /// silo fails soon, saying so. Long enough for a first call that activates a chain of grains on a busy machine.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a test waits for the cluster's membership to show a change before it fails.</summary>
    public static readonly TimeSpan MembershipWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Province 98 assesses five departments (group "so", framework "f-so": two appraisal items worth 4 and 6, so 10
    /// points); district 980 assesses two communes (group "xa-980", framework "f-xa": items worth 8 and 12, so 20
    /// points). Default bands: Xuất sắc ≥ 90, Tốt ≥ 80, Khá ≥ 70, Trung bình ≥ 50, Yếu below; two decimals shown.
    /// </summary>
    private const string Units = """
        code,name,type,level,parent_code
        98,Tỉnh Thử,Tỉnh,1,
        98-SA,Sở A,Sở,2,98
        98-SB,Sở B,Sở,2,98
        98-SC,Sở C,Sở,2,98
        98-SD,Sở D,Sở,2,98
        98-SE,Sở E,Sở,2,98
        980,Huyện Thử,Huyện,2,98
        98-X,Xã X,Xã,3,980
        98-Y,Xã Y,Xã,3,980

        """;

    private const string Cycle = """
        {"id":"cum-2024","year":2024,"title":"Thử cụm hai silo","frameworks":[
          {"code":"f-so","title":"Sở","fields":[{"code":"1","title":"Lĩnh vực 1","criteria":[
            {"code":"1.1","title":"A","max":4,"source":"Appraisal"},{"code":"1.2","title":"B","max":6,"source":"Appraisal"}]}]},
          {"code":"f-xa","title":"Xã","fields":[{"code":"1","title":"Lĩnh vực 1","criteria":[
            {"code":"1.1","title":"A","max":8,"source":"Appraisal"},{"code":"1.2","title":"B","max":12,"source":"Appraisal"}]}]}],
         "groups":[
          {"code":"so","name":"Sở","assessor":"98","framework":"f-so","units":["98-SA","98-SB","98-SC","98-SD","98-SE"]},
          {"code":"xa-980","name":"Xã","assessor":"980","framework":"f-xa","units":["98-X","98-Y"]}]}
        """;

    private readonly TempFolder _files = new();
    private TestDatabase? _db;
    private InProcessTestCluster? _cluster;

    public string Provider { get; } = provider;

    public TestDatabase Db => _db ?? throw new InvalidOperationException("No database: the cluster did not start.");

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster did not start.");

    /// <summary>Silo 1 or 2 as the tests count them (the cluster's first and second live silo).</summary>
    public InProcessSiloHandle Silo(int number) => Cluster.Silos[number - 1];

    /// <summary>The grain factory inside silo 1 or 2: a call made through it starts on that silo.</summary>
    public IGrainFactory Grains(int number) => Cluster.GetSiloServiceProvider(Silo(number).SiloAddress).GetRequiredService<IGrainFactory>();

    /// <summary>Orleans' management grain, asked through silo 1: where activations live, which silos are active.</summary>
    public IManagementGrain Management => Grains(1).GetGrain<IManagementGrain>(0);

    public async Task InitializeAsync()
    {
        if (Provider == DatabaseOptions.Postgres && Postgres.SkipReason is not null) return; // its tests are skipped

        _db = await TestDatabase.EmptyAsync(Provider);
        // Migrated once, here, before any silo starts: the silos themselves never migrate (AddParIndexGrains does not).
        await using (var stores = new ServiceCollection().AddLogging().AddParIndexStores(_db.Options).BuildServiceProvider())
            await stores.MigrateDatabaseAsync();
        (await _db.RunAsync("import", "units", _files.Write("units.csv", Units))).ShouldSucceed();
        (await _db.RunAsync("import", "cycle", _files.Write("cycle.json", Cycle))).ShouldSucceed();

        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureHost(host => host.Logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddParIndexGrains(Db.Options); // both silos: the same SQLite file or PostgreSQL database
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
            // As production configures its membership (UseParIndexClustering): a silo that dies without a word is
            // declared dead within seconds.
            silo.Configure<ClusterMembershipOptions>(ParIndex.Silo.Storage.SiloBuilderExtensions.QuickFailureDetection);
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        await UntilEverySiloSeesAsync(2);
    }

    /// <summary>Waits until every live silo's membership shows <paramref name="active"/> active silos (a signal, not a sleep).</summary>
    public async Task UntilEverySiloSeesAsync(int active)
    {
        foreach (var silo in Cluster.Silos)
            await UntilMembershipAsync(silo, s => s.Members.Values.Count(m => m.Status == SiloStatus.Active) == active, $"{active} active silos");
    }

    /// <summary>Waits for the membership updates of <paramref name="observer"/> until one satisfies the condition.</summary>
    public async Task UntilMembershipAsync(InProcessSiloHandle observer, Func<ClusterMembershipSnapshot, bool> condition, string what)
    {
        var membership = Cluster.GetSiloServiceProvider(observer.SiloAddress).GetRequiredService<IClusterMembershipService>();
        using var timeout = new CancellationTokenSource(MembershipWait);
        ClusterMembershipSnapshot? last = null;
        try
        {
            // The first update is the current snapshot; the rest come as the membership changes.
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(timeout.Token))
            {
                last = snapshot;
                if (condition(snapshot)) return;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }
        throw new TimeoutException($"Silo {observer.SiloAddress} did not see {what} within {MembershipWait.TotalSeconds} s; last seen: " +
            string.Join(", ", last?.Members.Values.Select(m => $"{m.SiloAddress} {m.Status}") ?? []));
    }

    /// <summary>Back to two silos after a test stopped one: a new silo joins, and every silo sees both.</summary>
    public async Task RestoreTwoSilosAsync()
    {
        if (Cluster.Silos.Count < 2) await Cluster.StartAdditionalSiloAsync();
        await UntilEverySiloSeesAsync(2);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_db is not null) await _db.DisposeAsync();
        _files.Dispose();
    }
}

public sealed class SqliteTwoSilos() : TwoSilos(DatabaseOptions.Sqlite)
{
    public const string Collection = "two silos on SQLite";
}

public sealed class PostgresTwoSilos() : TwoSilos(DatabaseOptions.Postgres)
{
    public const string Collection = "two silos on PostgreSQL";
}

[CollectionDefinition(SqliteTwoSilos.Collection)]
public sealed class SqliteTwoSilosCollection : ICollectionFixture<SqliteTwoSilos>;

[CollectionDefinition(PostgresTwoSilos.Collection)]
public sealed class PostgresTwoSilosCollection : ICollectionFixture<PostgresTwoSilos>;
