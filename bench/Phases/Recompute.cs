using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ParIndex.Bench.Support;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Bench.Phases;

public sealed record RecomputeResult(double Ms, double SqlMs, double Ratio, int Results, int Groups, int RollUps, int SqlRows, double MaxIndexDifference, double MinMs, double SqlMinMs);

/// <summary>
/// Phase 2: every result, ranking and roll-up of the country recomputed from the values the scorecard
/// grains hold in memory, by the domain's own policies (ScoringPolicy, RankingPolicy, RollUpPolicy), on
/// every core; against one SQL statement (GROUP BY per unit, RANK() window per group, class counts and
/// averages as windows) over the same SQLite file. Median of several runs each.
/// </summary>
public static class Recompute
{
    /// <summary>One group's inputs: its framework and its members' values as the grains hold them.</summary>
    public sealed record GroupInput(RankGroup Group, Framework Framework, ScorecardView[] Cards);

    public static async Task<IReadOnlyList<GroupInput>> GatherAsync(IGrainFactory grains, CycleDefinition cycle)
    {
        var inputs = new List<GroupInput>();
        // The definition the grains hold, so that scoring runs against the very framework objects the grains score with.
        var held = await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycle.Cycle.Id)).GetDefinitionAsync();
        foreach (var group in held.Cycle.Groups)
        {
            var cards = await Task.WhenAll(held.Members[group.Code].Select(u =>
                grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(held.Cycle.Id, u.Code)).GetAsync()));
            inputs.Add(new GroupInput(group, held.Cycle.FrameworkOf(group), cards));
        }
        return inputs;
    }

    public static RecomputeResult Run(CycleDefinition cycle, IReadOnlyList<GroupInput> inputs, string databasePath, int runs)
    {
        var memoryMs = new List<double>();
        Output? output = null;
        for (int i = 0; i <= runs; i++) // the first run warms up (JIT) and is not counted
        {
            // Each run starts from a collected heap (as benchmark harnesses do), so that the garbage of
            // the runs before it neither slows it down nor piles up in the memory figure.
            output = null;
            GC.Collect(2, GCCollectionMode.Forced, true, true);
            var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var gcPause = GC.GetTotalPauseDuration();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            output = RecomputeAll(cycle, inputs);
            sw.Stop();
            if (i > 0) memoryMs.Add(sw.Elapsed.TotalMilliseconds);
            if (Environment.GetEnvironmentVariable("BENCH_TRACE") is not null) Console.Error.WriteLine($"   recompute run {i}: {sw.Elapsed.TotalMilliseconds:0.0} ms; " +
                $"GCs during it (gen0/1/2) {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}, paused {(GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds:0.0} ms, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:0.0} MiB");
        }

        using var connection = Sql.Open(databasePath);
        var sqlMs = new List<double>();
        Dictionary<string, double?> sqlIndex = [];
        for (int i = 0; i <= Math.Max(1, runs / 2); i++)
        {
            var sw = Stopwatch.StartNew();
            sqlIndex = Sql.RankAll(connection, cycle.Cycle.Id, null);
            sw.Stop();
            if (i > 0) sqlMs.Add(sw.Elapsed.TotalMilliseconds);
        }

        // The two must agree (to floating point), or the comparison would be of different work.
        var maxDifference = 0.0;
        foreach (var result in output!.Results)
            if (result.Index is { } exact && sqlIndex.TryGetValue(result.UnitCode, out var other) && other is { } approx)
                maxDifference = Math.Max(maxDifference, Math.Abs((double)exact - approx));

        var ms = Stats.Median(memoryMs);
        var sql = Stats.Median(sqlMs);
        return new RecomputeResult(ms, sql, sql / ms, output.Results.Count, output.Rankings, output.RollUps, sqlIndex.Count, maxDifference, memoryMs.Min(), sqlMs.Min());
    }

    private sealed record Output(List<UnitResult> Results, int Rankings, int RollUps);

    /// <summary>What the grains compute on a change, for everything at once: results, rankings, group summaries, subtree roll-ups.</summary>
    private static Output RecomputeAll(CycleDefinition cycle, IReadOnlyList<GroupInput> inputs)
    {
        var results = new UnitResult[inputs.Count][];
        var summaries = new GroupSummary[inputs.Count];
        Parallel.For(0, inputs.Count, g =>
        {
            var (group, framework, cards) = inputs[g];
            var scoring = group.Scoring;
            var groupResults = new UnitResult[cards.Length];
            for (int i = 0; i < cards.Length; i++)
                groupResults[i] = ScoringPolicy.Compute(cards[i].UnitCode, framework, cards[i].Items, scoring);
            RankingPolicy.Rank(groupResults, group);
            summaries[g] = RollUpPolicy.Summarize(group, framework, groupResults);
            results[g] = groupResults;
        });

        // Roll-ups as the unit grains keep them: the summaries of every group within a unit, merged by framework.
        var summaryOf = new Dictionary<string, GroupSummary>(inputs.Count, StringComparer.Ordinal);
        for (int g = 0; g < inputs.Count; g++) summaryOf[inputs[g].Group.Code] = summaries[g];
        var units = ColdLoad.RollUpUnits(cycle);
        var subtrees = new IReadOnlyList<GroupSummary>[units.Count];
        Parallel.For(0, units.Count, u => subtrees[u] = RollUpPolicy.Subtree(cycle.GroupsAssessedWithin(units[u]).Select(g => summaryOf[g.Code])));
        return new Output(results.SelectMany(r => r).ToList(), inputs.Count, subtrees.Length);
    }
}

/// <summary>The SQL way: one statement computes every unit's index, its rank in its group, and the group's figures.</summary>
public static class Sql
{
    public static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Obtained and maximum per unit (rules 2–4, as ScoringPolicy counts them), the clamped index, the
    /// class on the rounded index (the default bands, which every generated group uses), RANK() per group,
    /// class counts and the group average. Values are stored as text (EF Core's decimals on SQLite), so
    /// SQL computes in floating point.
    /// </summary>
    public const string Statement = """
        WITH unit_totals AS (
          SELECT m.GroupCode AS grp, m.UnitCode AS unit,
            SUM(CASE
                  WHEN fi.Source IN ('Appraisal', 'Survey') AND v.NotApplicableReason IS NOT NULL THEN 0
                  WHEN fi.Source = 'Appraisal' THEN COALESCE(CAST(v.Appraised AS REAL), CAST(v.Self AS REAL), 0)
                  WHEN fi.Source = 'Survey' THEN COALESCE(CAST(v.Survey AS REAL), 0)
                  WHEN fi.Source = 'Bonus' THEN COALESCE(CAST(v.Bonus AS REAL), 0)
                  ELSE -COALESCE(CAST(v.Penalty AS REAL), 0) END) AS obtained,
            SUM(CASE WHEN fi.Source IN ('Appraisal', 'Survey') AND v.NotApplicableReason IS NULL THEN CAST(fi.Max AS REAL) ELSE 0 END) AS maximum
          FROM group_members m
          JOIN groups g ON g.CycleId = m.CycleId AND g.Code = m.GroupCode
          JOIN framework_items fi ON fi.CycleId = m.CycleId AND fi.FrameworkCode = g.FrameworkCode
          LEFT JOIN item_values v ON v.CycleId = m.CycleId AND v.UnitCode = m.UnitCode AND v.ItemCode = fi.ItemCode
          WHERE m.CycleId = $cycle AND ($group IS NULL OR m.GroupCode = $group)
          GROUP BY m.GroupCode, m.UnitCode),
        indexed AS (
          SELECT grp, unit, CASE WHEN maximum = 0 THEN NULL ELSE MIN(100.0, MAX(0.0, obtained * 100.0 / maximum)) END AS idx
          FROM unit_totals),
        classed AS (
          SELECT grp, unit, idx,
            CASE WHEN idx IS NULL THEN NULL
                 WHEN ROUND(idx, 2) >= 90 THEN 'Xuất sắc' WHEN ROUND(idx, 2) >= 80 THEN 'Tốt'
                 WHEN ROUND(idx, 2) >= 70 THEN 'Khá' WHEN ROUND(idx, 2) >= 50 THEN 'Trung bình' ELSE 'Yếu' END AS class
          FROM indexed)
        SELECT grp, unit, idx,
          RANK() OVER (PARTITION BY grp ORDER BY idx DESC) AS rnk,
          class,
          COUNT(*) OVER (PARTITION BY grp, class) AS in_class,
          AVG(idx) OVER (PARTITION BY grp) AS average
        FROM classed
        ORDER BY grp, rnk
        """;

    /// <summary>Runs the statement (for one group, or all when <paramref name="group"/> is null) and reads every row.</summary>
    public static Dictionary<string, double?> RankAll(SqliteConnection connection, string cycleId, string? group)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Statement;
        command.Parameters.AddWithValue("$cycle", cycleId);
        command.Parameters.AddWithValue("$group", (object?)group ?? DBNull.Value);
        var rows = new Dictionary<string, double?>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows[reader.GetString(1)] = reader.IsDBNull(2) ? null : reader.GetDouble(2);
            _ = reader.GetInt64(3);
            _ = reader.IsDBNull(4) ? null : reader.GetString(4);
            _ = reader.GetInt64(5);
        }
        return rows;
    }
}
