using Orleans;
namespace ParIndex.Grains.Domain;

/// <summary>What a unit has for one item. Null means "no value yet".</summary>
/// <remarks>
/// A national hot set holds 1.8 million of these, so each keeps its five scores compactly: as an integer and a scale
/// of at most three decimals (every entered value fits: rule 1), in 72 bytes instead of 160. A value that does not
/// fit (a survey score is a mean, with any number of decimals) is kept whole beside them. Values read back are the
/// decimals that were set, scale included.
/// </remarks>
[GenerateSerializer, Immutable, Alias("ParIndex.ItemValues")]
public sealed record ItemValues
{
    public static readonly ItemValues Empty = new();

    private const int Slots = 5, Self_ = 0, Appraised_ = 1, Survey_ = 2, Bonus_ = 3, Penalty_ = 4;
    private const int WideShift = Slots, ScaleShift = 2 * Slots;

    // Bits 0–4: the slot has a value; 5–9: it is kept whole in _wide; 10–19: its scale (2 bits, 0–3) when compact.
    [Id(0)] private int _layout;
    [Id(1)] private int _self;
    [Id(2)] private int _appraised;
    [Id(3)] private int _survey;
    [Id(4)] private int _bonus;
    [Id(5)] private int _penalty;
    [Id(6)] private decimal[]? _wide;

    public decimal? Self { get => Get(Self_, _self); init => _self = Set(Self_, value); }
    public decimal? Appraised { get => Get(Appraised_, _appraised); init => _appraised = Set(Appraised_, value); }
    public decimal? Survey { get => Get(Survey_, _survey); init => _survey = Set(Survey_, value); }
    public decimal? Bonus { get => Get(Bonus_, _bonus); init => _bonus = Set(Bonus_, value); }
    public decimal? Penalty { get => Get(Penalty_, _penalty); init => _penalty = Set(Penalty_, value); }
    /// <summary>The appraiser's reason when the item is not applicable (không phát sinh).</summary>
    [Id(7)] public string? NotApplicableReason { get; init; }
    [Id(8)] public string? SelfNote { get; init; }
    [Id(9)] public string? AppraisedNote { get; init; }

    public bool IsNotApplicable => NotApplicableReason is not null;

    public decimal? ValueOf(ScoreKind kind) => kind switch
    {
        ScoreKind.Self => Self,
        ScoreKind.Appraised => Appraised,
        ScoreKind.Survey => Survey,
        ScoreKind.Bonus => Bonus,
        ScoreKind.Penalty => Penalty,
        _ => null,
    };

    public ItemValues With(ScoreKind kind, decimal? value, string? note) => kind switch
    {
        ScoreKind.Self => this with { Self = value, SelfNote = note ?? SelfNote },
        ScoreKind.Appraised => this with { Appraised = value, AppraisedNote = note ?? AppraisedNote },
        ScoreKind.Survey => this with { Survey = value },
        ScoreKind.Bonus => this with { Bonus = value },
        ScoreKind.Penalty => this with { Penalty = value },
        ScoreKind.NotApplicable => this with { NotApplicableReason = note },
        ScoreKind.Applicable => this with { NotApplicableReason = null },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Equal when every value (as decimals compare: 1.5 equals 1.50) and every note is.</summary>
    public bool Equals(ItemValues? other) => other is not null && (ReferenceEquals(this, other) ||
        Self == other.Self && Appraised == other.Appraised && Survey == other.Survey && Bonus == other.Bonus && Penalty == other.Penalty
        && NotApplicableReason == other.NotApplicableReason && SelfNote == other.SelfNote && AppraisedNote == other.AppraisedNote);

    public override int GetHashCode() => HashCode.Combine(Self, Appraised, Survey, Bonus, Penalty, NotApplicableReason, SelfNote, AppraisedNote);

    private decimal? Get(int slot, int compact)
    {
        if ((_layout & (1 << slot)) == 0) return null;
        if ((_layout & (1 << (WideShift + slot))) != 0) return _wide![slot];
        var scale = (byte)((_layout >> (ScaleShift + 2 * slot)) & 3);
        return new decimal(Math.Abs(compact), 0, 0, compact < 0, scale);
    }

    /// <returns>The compact integer to keep in the slot's field (0 when the value is none or kept whole).</returns>
    private int Set(int slot, decimal? value)
    {
        var cleared = _layout & ~(1 << slot) & ~(1 << (WideShift + slot)) & ~(3 << (ScaleShift + 2 * slot));
        if (value is not { } v) { _layout = cleared; return 0; }
        var scale = v.Scale;
        if (scale <= 3 && v >= -CompactLimit && v <= CompactLimit)
        {
            _layout = cleared | (1 << slot) | (scale << (ScaleShift + 2 * slot));
            return (int)(v * Pow10[scale]); // exact: the integer behind the decimal, with its sign, within an int
        }
        // Copied, never shared: a `with` copy starts with the original's array, which must stay as it was.
        var wide = _wide is null ? new decimal[Slots] : (decimal[])_wide.Clone();
        wide[slot] = v;
        _wide = wide;
        _layout = cleared | (1 << slot) | (1 << (WideShift + slot));
        return 0;
    }

    private static readonly decimal[] Pow10 = [1m, 10m, 100m, 1000m];
    private const decimal CompactLimit = 2_147_483m; // × 1000 stays within an int
}
