using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ParIndex.Silo.Persistence;

namespace ParIndex.Web.Infrastructure;

/// <summary>Ready when the database answers and every migration is applied.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<ParIndexDbContext> contexts, Readiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady) return HealthCheckResult.Unhealthy("Cơ sở dữ liệu đang được chuẩn bị.");
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu.");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"Còn {pending.Count} bản cập nhật cấu trúc chưa áp dụng.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Lỗi cơ sở dữ liệu.", e);
        }
    }
}
