using FsCheck;
using FsCheck.Fluent;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>Invariants over many generated scorecards and groups (FsCheck, seeded by FsCheck itself).</summary>
public class PropertyTests
{
    private static readonly Framework Framework = Frameworks.Of([10m, 5.5m, 2.25m], [20m, 12.25m], bonusMax: 3m, penaltyMax: 4m);

    /// <summary>A value in thousandths between 0 and max.</summary>
    private static Gen<decimal> ValueUpTo(decimal max) => Gen.Choose(0, (int)(max * 1000)).Select(v => v / 1000m);

    private static Gen<ScoreEntry[]> Entries(string unit) =>
        Gen.CollectToArray(Framework.Items.Select(item =>
        {
            var kind = item.Source switch
            {
                ItemSource.Appraisal => ScoreKind.Appraised,
                ItemSource.Survey => ScoreKind.Survey,
                ItemSource.Bonus => ScoreKind.Bonus,
                _ => ScoreKind.Penalty,
            };
            return ValueUpTo(item.Max).Select(v => new ScoreEntry(unit, item.Code, kind, v));
        }));

    private static UnitResult Score(ScoreEntry[] entries, bool allowOver100 = false)
    {
        var card = new Scorecard(entries[0].UnitCode, Framework);
        card.Apply(entries);
        return ScoringPolicy.Compute(card, ScoringSettings.Default with { AllowOver100 = allowOver100 });
    }

    [Fact]
    public void The_index_stays_between_0_and_100()
    {
        Prop.ForAll(Entries("u").ToArbitrary(), entries =>
        {
            var index = Score(entries).Index!.Value;
            return index >= 0m && index <= 100m;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Adding_points_never_lowers_a_units_index()
    {
        var gen = from entries in Entries("u")
                  from which in Gen.Choose(0, Framework.Items.Count() - 1)
                  from extra in Gen.Choose(1, 2000).Select(v => v / 1000m)
                  select (entries, which, extra);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (entries, which, extra) = t;
            var before = Score(entries);
            var entry = entries[which];
            if (entry.Kind == ScoreKind.Penalty) return true; // penalty points are not "points added"
            var max = Framework.GetItem(entry.ItemCode).Max;
            var more = entries.ToArray();
            more[which] = entry with { Value = Math.Min(max, entry.Value!.Value + extra) };
            foreach (var allow in new[] { false, true })
                if (Score(more, allow).Index < Score(entries, allow).Index) return false;
            return Score(more).Obtained >= before.Obtained;
        }).QuickCheckThrowOnFailure();
    }

    private static Gen<UnitResult[]> Group() =>
        from count in Gen.Choose(1, 25)
        from indices in Gen.ArrayOf(Gen.Choose(0, 40).Select(v => 70m + v / 4m), count) // narrow range: many exact ties
        from appraisal in Gen.ArrayOf(Gen.Choose(0, 3).Select(v => (decimal)v), count)
        select indices.Select((index, i) => Frameworks.WithIndex($"u{i:00}", index, appraisal: appraisal[i])).ToArray();

    [Fact]
    public void Ranks_agree_with_the_order_of_exact_indices()
    {
        Prop.ForAll(Group().ToArbitrary(), results =>
        {
            var ranking = RankingPolicy.Rank(results, []);
            foreach (var a in ranking)
            foreach (var b in ranking)
            {
                if (a.Result.Index > b.Result.Index && !(a.Rank < b.Rank)) return false;
                if (a.Result.Index == b.Result.Index && a.Rank != b.Rank) return false;
            }
            // Competition ranking: a rank is one more than the number of units strictly ahead.
            return ranking.All(r => r.Rank == 1 + ranking.Count(o => o.Result.Index > r.Result.Index));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Shuffling_the_input_never_changes_a_rank_or_the_order()
    {
        var gen = from results in Group()
                  from keys in Gen.ArrayOf(Gen.Choose(0, 1000), results.Length)
                  select (results, shuffled: results.Zip(keys).OrderBy(p => p.Second).Select(p => p.First).ToArray());
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            TieBreaker[] tieBreakers = [TieBreaker.AppraisalSubtotal];
            var a = RankingPolicy.Rank(t.results, tieBreakers).Select(r => (r.UnitCode, r.Rank));
            var b = RankingPolicy.Rank(t.shuffled, tieBreakers).Select(r => (r.UnitCode, r.Rank));
            return a.SequenceEqual(b);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>
    /// Values kept in framework order with the framework's own codes (as a scorecard grain keeps them) are read in step
    /// without lookups; in any other order, with other string instances, some missing or a code the framework lacks,
    /// they must score exactly the same.
    /// </summary>
    [Fact]
    public void Values_score_the_same_in_framework_order_or_any_other()
    {
        var gen = from entries in Entries("u")
                  from keys in Gen.ArrayOf(Gen.Choose(0, 1000), entries.Length)
                  from dropped in Gen.Choose(-1, entries.Length - 1)
                  select (entries, keys, dropped);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (entries, keys, dropped) = t;
            var card = new Scorecard("u", Framework);
            card.Apply(entries.Where((_, i) => i != dropped).ToList());
            var inOrder = Framework.InOrder(card.Items);
            inOrder["Z.9.9"] = new ItemValues { Appraised = 1m }; // a code the framework lacks, after the others
            var shuffled = card.Items.Select((kv, i) => (kv, key: keys[i % keys.Length]))
                .OrderBy(x => x.key).ToDictionary(x => new string(x.kv.Key.AsSpan()), x => x.kv.Value, StringComparer.Ordinal);

            static object Figures(UnitResult r) => (r.Obtained, r.Maximum, r.Index, r.Provisional, r.SelfSubtotal, r.AppraisalSubtotal, r.SurveySubtotal,
                r.BonusSubtotal, r.PenaltySubtotal, string.Join(";", r.Fields.Concat(r.Criteria).Select(c => $"{c.Code}:{c.Obtained}/{c.Maximum}")));
            var settings = ScoringSettings.Default;
            var expected = Figures(ScoringPolicy.Compute("u", Framework, shuffled, settings));
            return expected.Equals(Figures(ScoringPolicy.Compute("u", Framework, inOrder, settings)))
                && expected.Equals(Figures(ScoringPolicy.Compute(card, settings)));
        }).QuickCheckThrowOnFailure();
    }
}
