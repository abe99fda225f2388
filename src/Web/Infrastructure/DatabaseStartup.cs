using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ParIndex.Silo;
using ParIndex.Silo.Demo;
using ParIndex.Silo.Persistence;

namespace ParIndex.Web.Infrastructure;

/// <summary>Set once the database is migrated (and the demo seeded when asked), for /readyz.</summary>
public sealed class Readiness
{
    private volatile bool _ready;
    public bool IsReady => _ready;
    public void MarkReady() => _ready = true;
}

/// <summary>
/// On start: create and migrate the database, seed the demo into an empty one (`Demo:Seed`, default
/// true), then say in Vietnamese where to open the app. A database that cannot be reached yet does not
/// stop the process: it keeps trying, /healthz stays up and /readyz says "not ready" meanwhile.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, IConfiguration configuration, Readiness readiness,
    IHostApplicationLifetime lifetime, ILogger<DatabaseStartup> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PrepareAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Chưa chuẩn bị được cơ sở dữ liệu; sẽ thử lại sau {Seconds} giây.", RetrySeconds);
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
            catch (OperationCanceledException) { return; }
            catch (Exception e) { logger.LogError(e, "Vẫn chưa chuẩn bị được cơ sở dữ liệu."); }
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Đang chuẩn bị cơ sở dữ liệu…");
        // Several nodes over one PostgreSQL database: one at a time migrates and seeds, the others then find it done.
        await using (await services.GetRequiredService<DatabaseOptions>().LockForStartupAsync(cancellationToken))
        {
            await services.MigrateDatabaseAsync(cancellationToken);
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
    }
}
