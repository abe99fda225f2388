using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ParIndex.Silo;
using ParIndex.Silo.Demo;
using ParIndex.Silo.Persistence;

namespace ParIndex.Web.Infrastructure;

/// <summary>Set once the database is migrated (and the demo seeded when asked), for /readyz; until then, why not yet.</summary>
public sealed class Readiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _lastFailure;

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Completes when the node is ready (tests wait on it rather than polling).</summary>
    public Task WhenReady => _ready.Task;

    /// <summary>Why the last attempt to prepare the database failed, in Vietnamese; null before the first failure.</summary>
    public string? LastFailure => _lastFailure;

    public void MarkReady() => _ready.TrySetResult();

    public void Failed(string reason) => _lastFailure = reason;
}

/// <summary>
/// On start: create and migrate the database, start the silo (it joins its cluster through tables the migrations
/// made), seed the demo into an empty one (`Demo:Seed`, default true), then say in Vietnamese where to open the app. A database that cannot be reached or written yet
/// does not stop the process: it keeps trying until the app stops, /healthz stays up and /readyz says
/// "not ready" and why meanwhile. Each failure drops the pooled connections, so that a connection opened
/// while the database was read-only does not fail every later attempt.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, IConfiguration configuration, Readiness readiness,
    StorageHealth health, IHostApplicationLifetime lifetime, Orleans.Runtime.Silo silo, SiloHostedServices siloServices, ILogger<DatabaseStartup> logger) : IHostedService
{
    private bool _siloStarted;
    private List<IHostedService> _started = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PrepareAsync(cancellationToken);
        }
        // Only the host's stopping ends the attempts: a timeout inside a command is a failure like any other.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Chưa chuẩn bị được cơ sở dữ liệu ({Reason}); sẽ thử lại sau {Seconds} giây.", Failed(e), RetrySeconds);
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    private int RetrySeconds => configuration.GetValue("Database:RetrySeconds", 10);

    private async Task RetryAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(RetrySeconds), stopping);
                await PrepareAsync(stopping);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception e) { logger.LogError(e, "Vẫn chưa chuẩn bị được cơ sở dữ liệu ({Reason}).", Failed(e)); }
        }
    }

    /// <summary>Drops the pooled connections and records the reason for /readyz; returns it.</summary>
    private string Failed(Exception e)
    {
        var reason = health.Report(e) is { } problem ? StorageFailure.Reason(problem) : $"Lỗi: {e.Message}";
        health.DropPooledConnections(); // whatever failed: the next attempt starts from fresh connections
        readiness.Failed(reason);
        return reason;
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Đang chuẩn bị cơ sở dữ liệu…");
        // Several nodes over one PostgreSQL database: one at a time migrates and seeds, the others then find it done.
        await using (await services.GetRequiredService<DatabaseOptions>().LockForStartupAsync(cancellationToken))
        {
            await services.MigrateDatabaseAsync(cancellationToken);
            if (!_siloStarted)
            {
                foreach (var validator in services.GetServices<IConfigurationValidator>()) validator.ValidateConfiguration();
                await silo.StartAsync(cancellationToken);
                _siloStarted = true;
                foreach (var service in siloServices.Create(services))
                {
                    await service.StartAsync(cancellationToken);
                    _started.Add(service);
                }
            }
            if (configuration.GetValue("Demo:Seed", true))
            {
                var progress = new Progress<string>(m => logger.LogInformation("{Step}", m));
                if (await DemoSeeder.SeedIfEmptyAsync(services, progress, cancellationToken))
                    logger.LogInformation("Đã nạp dữ liệu minh họa. {Notice}", DemoSeeder.Notice);
            }
        }
        readiness.MarkReady();
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
                logger.LogInformation("ParIndex đã sẵn sàng — mở {Address} trong trình duyệt.", address);
        });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying;
        foreach (var service in Enumerable.Reverse(_started)) await service.StopAsync(cancellationToken);
        if (_siloStarted) await silo.StopAsync(cancellationToken);
    }
}

/// <summary>The hosted services Orleans' packages add that need a started silo (the dashboard's): started after it.</summary>
public sealed class SiloHostedServices(IReadOnlyList<ServiceDescriptor> descriptors)
{
    public IEnumerable<IHostedService> Create(IServiceProvider services) => descriptors.Select(d =>
        (IHostedService)(d.ImplementationInstance ?? d.ImplementationFactory?.Invoke(services) ?? ActivatorUtilities.CreateInstance(services, d.ImplementationType!)));
}
