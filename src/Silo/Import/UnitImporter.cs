using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Import;

/// <summary>Adds units (units.csv) in one transaction; a unit that clashes with a different unit refuses the whole file.</summary>
public sealed class UnitImporter(IDbContextFactory<ParIndexDbContext> contexts)
{
    /// <summary>Every unit already stored, across validity periods.</summary>
    public async Task<UnitDirectory> LoadDirectoryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new UnitDirectory((await db.Units.AsNoTracking().ToListAsync(cancellationToken)).Select(RowMapping.ToUnit));
    }

    /// <returns>How many units were added and how many updated.</returns>
    public async Task<(int Added, int Updated)> ImportAsync(IReadOnlyList<AdministrativeUnit> units, string fileName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.Units.AsNoTracking().ToListAsync(cancellationToken);
        var directory = new UnitDirectory(rows.Select(RowMapping.ToUnit));

        var problems = new List<string>();
        foreach (var unit in units)
        {
            if (directory.Check(unit) is { } problem) problems.Add($"{fileName}: {problem}");
            else directory.Add(unit);
        }
        if (problems.Count > 0) throw new ImportRefusedException($"Không nhập tệp {fileName}: {problems.Count} lỗi, không có đơn vị nào được lưu.", problems);

        int added = 0, updated = 0;
        var byCode = rows.ToLookup(r => r.Code);
        // New units in bulk (a country is 20 k of them, seconds through EF's change tracking); only the updated ones are tracked.
        await using var writer = RowWriter.Create(db, BulkRows.UnitInsert, "", 8);
        foreach (var unit in units)
        {
            var existing = byCode[unit.Code].FirstOrDefault(r => RowMapping.ToUnit(r).OverlapsValidityOf(unit));
            var row = RowMapping.ToRow(unit);
            if (existing is null) { await writer.AddAsync(BulkRows.Values(row), cancellationToken); added++; continue; }
            if (db.Entry(existing).State == EntityState.Detached) db.Units.Attach(existing); // a list may update one row twice
            existing.Type = row.Type; existing.ValidFrom = row.ValidFrom; existing.ValidTo = row.ValidTo; existing.Predecessors = row.Predecessors;
            updated++;
        }
        await writer.FlushAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (added, updated);
    }
}
