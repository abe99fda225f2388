using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ParIndex.Silo.Persistence;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// Ready when the database answers and every migration is applied (the silo has started by then: DatabaseStartup
/// marks the node ready only after it has joined its cluster).
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<ParIndexDbContext> contexts, Readiness readiness, StorageHealth storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
            return HealthCheckResult.Unhealthy("Cơ sở dữ liệu đang được chuẩn bị." + (readiness.LastFailure is { } why ? $" Lần thử gần nhất chưa được: {why} Đang thử lại." : ""));
        // A pooled session the server has ended (a failover, a restart, an operator) fails once it is used: as the write
        // probe does, the pool is dropped and the question asked once more on a new session before the node says so.
        var (result, unreachable) = await CheckOnceAsync(cancellationToken);
        if (!unreachable) return result;
        storage.DropPooledConnections();
        return (await CheckOnceAsync(cancellationToken)).Result;
    }

    private async Task<(HealthCheckResult Result, bool Unreachable)> CheckOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken)) return (HealthCheckResult.Unhealthy(StorageFailure.Reason(StorageProblem.Unreachable)), true);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0) return (HealthCheckResult.Unhealthy($"Còn {pending.Count} bản cập nhật cấu trúc chưa áp dụng."), false);
            return (HealthCheckResult.Healthy(), false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var problem = StorageFailure.Classify(e);
            return (HealthCheckResult.Unhealthy(problem is { } known ? StorageFailure.Reason(known) : "Lỗi cơ sở dữ liệu.", e), problem == StorageProblem.Unreachable);
        }
    }
}

/// <summary>Ready to take writes: the database accepts one (probed, briefly cached) and there is room on the disk (<see cref="WriteProbe"/>).</summary>
public sealed class WriteHealthCheck(Readiness readiness, WriteProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady) return HealthCheckResult.Healthy(); // the database check already says why not
        return await probe.CheckAsync(cancellationToken) is { } reason ? HealthCheckResult.Unhealthy(reason) : HealthCheckResult.Healthy();
    }
}
