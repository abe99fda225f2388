using Orleans;
namespace ParIndex.Grains.Domain;

/// <summary>Where an item's points come from.</summary>
[GenerateSerializer, Alias("ParIndex.ItemSource")]
public enum ItemSource
{
    /// <summary>The unit self-assesses; the appraiser sets the counted score.</summary>
    Appraisal,
    /// <summary>From the sociological survey (điều tra xã hội học).</summary>
    Survey,
    /// <summary>Điểm thưởng: adds, not part of the maximum.</summary>
    Bonus,
    /// <summary>Điểm trừ: subtracts, not part of the maximum.</summary>
    Penalty,
}

/// <summary>Tiêu chí thành phần: the leaf that is scored.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.Item")]
public sealed record Item(string Code, string Title, decimal Max, ItemSource Source, bool EvidenceRequired = false, string? Guide = null)
{
    /// <summary>Appraisal and Survey items make up the maximum; Bonus and Penalty do not.</summary>
    public bool CountsInMaximum => Source is ItemSource.Appraisal or ItemSource.Survey;
}

/// <summary>Tiêu chí. A criterion with no items of its own is itself an item.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.Criterion")]
public sealed record Criterion(string Code, string Title, IReadOnlyList<Item> Items);

/// <summary>Lĩnh vực; its index is a component index (chỉ số thành phần).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.Field")]
public sealed record Field(string Code, string Title, IReadOnlyList<Criterion> Criteria)
{
    public IEnumerable<Item> Items => Criteria.SelectMany(c => c.Items);
}

/// <summary>
/// Bộ tiêu chí: field → criterion → item, validated when built so that a bad framework
/// never reaches scoring. Build one with <see cref="Create"/>.
/// </summary>
// Orleans hands it around uncopied; it crosses silos through its surrogate (Contracts/Surrogates.cs).
[Immutable]
public sealed class Framework
{
    private readonly Dictionary<string, Item> _items;
    private readonly Dictionary<string, Field> _fieldOfItem;
    private readonly Dictionary<string, Criterion> _criterionOfItem;

    private Framework(string code, string title, IReadOnlyList<Field> fields)
    {
        Code = code;
        Title = title;
        Fields = fields;
        _items = fields.SelectMany(f => f.Items).ToDictionary(i => i.Code, StringComparer.Ordinal);
        _fieldOfItem = fields.SelectMany(f => f.Items.Select(i => (i.Code, f))).ToDictionary(x => x.Code, x => x.f, StringComparer.Ordinal);
        Criteria = fields.SelectMany(f => f.Criteria).ToArray();
        _criterionOfItem = Criteria.SelectMany(c => c.Items.Select(i => (i.Code, c))).ToDictionary(x => x.Code, x => x.c, StringComparer.Ordinal);
        _criterionMaxima = Criteria.Select(c => c.Items.Where(i => i.CountsInMaximum).Sum(i => i.Max)).ToArray();
        _maximum = _criterionMaxima.Sum();
    }

    private readonly decimal[] _criterionMaxima;
    private readonly decimal _maximum; // read on every view of a ranking page

    /// <summary>The maximum of the criterion at this place in framework order when every item of it applies (rule 4).</summary>
    public decimal CriterionMaximum(int position) => _criterionMaxima[position];

    public string Code { get; }
    public string Title { get; }
    public IReadOnlyList<Field> Fields { get; }
    public IEnumerable<Item> Items => Fields.SelectMany(f => f.Items);
    /// <summary>Every field's criteria, in framework order: a result keeps a component total for each.</summary>
    public IReadOnlyList<Criterion> Criteria { get; }

    /// <summary>The points an assessed unit can obtain when every item applies.</summary>
    public decimal Maximum => _maximum;

    public decimal MaximumOf(ItemSource source) => Items.Where(i => i.Source == source).Sum(i => i.Max);

    public Item? FindItem(string code) => _items.GetValueOrDefault(code);

    /// <summary>How many items the framework has.</summary>
    public int ItemCount => _items.Count;

    public Item GetItem(string code) =>
        FindItem(code) ?? throw new DomainException($"Bộ tiêu chí {Code} không có tiêu chí thành phần mã {code}.");

    /// <summary>
    /// A unit's values keyed by this framework's own item codes, in framework order; values of codes it does not have
    /// follow as they were. Scoring looks every item up on every recompute (1.8 million for the country): with keys that
    /// are the very strings it looks up by, each comparison is a reference check instead of reading a string loaded
    /// from the database elsewhere in memory.
    /// </summary>
    public Dictionary<string, ItemValues> InOrder(IReadOnlyDictionary<string, ItemValues> values)
    {
        var ordered = new Dictionary<string, ItemValues>(values.Count, StringComparer.Ordinal);
        foreach (var item in Items)
            if (values.TryGetValue(item.Code, out var v)) ordered[item.Code] = v;
        if (ordered.Count < values.Count)
            foreach (var (code, v) in values) ordered.TryAdd(code, v);
        return ordered;
    }

    /// <summary>The framework's own string for an item code (see <see cref="InOrder"/>), or the code itself.</summary>
    public string Own(string itemCode) => _items.TryGetValue(itemCode, out var item) ? item.Code : itemCode;

    public Field FieldOf(string itemCode) => _fieldOfItem[itemCode];

    public Criterion CriterionOf(string itemCode) => _criterionOfItem[itemCode];

    public Field? FindField(string code) => Fields.FirstOrDefault(f => f.Code == code);

    /// <summary>Validates and builds a framework; every error names the code at fault.</summary>
    /// <exception cref="DomainValidationException">The tree is not a valid framework.</exception>
    public static Framework Create(string code, string title, IReadOnlyList<Field> fields)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(code)) errors.Add("Bộ tiêu chí không có mã.");
        if (fields.Count == 0) errors.Add($"Bộ tiêu chí {code} không có lĩnh vực nào.");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Claim(string what, string c)
        {
            if (string.IsNullOrWhiteSpace(c)) errors.Add($"Bộ tiêu chí {code}: {what} không có mã.");
            else if (!seen.Add(what + ":" + c)) errors.Add($"Bộ tiêu chí {code}: mã {what} {c} bị trùng.");
        }

        var itemCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            Claim("lĩnh vực", field.Code);
            if (field.Criteria.Count == 0) errors.Add($"Bộ tiêu chí {code}: lĩnh vực {field.Code} không có tiêu chí nào.");
            foreach (var criterion in field.Criteria)
            {
                Claim("tiêu chí", criterion.Code);
                if (criterion.Items.Count == 0) errors.Add($"Bộ tiêu chí {code}: tiêu chí {criterion.Code} không có tiêu chí thành phần và không có điểm tối đa.");
                foreach (var item in criterion.Items)
                {
                    if (string.IsNullOrWhiteSpace(item.Code)) { errors.Add($"Bộ tiêu chí {code}: một tiêu chí thành phần của {criterion.Code} không có mã."); continue; }
                    // A criterion that is its own item shares its code with that item; any other clash is a duplicate.
                    if (!itemCodes.Add(item.Code)) errors.Add($"Bộ tiêu chí {code}: mã tiêu chí thành phần {item.Code} bị trùng.");
                    if (item.Max <= 0) errors.Add($"Bộ tiêu chí {code}: tiêu chí thành phần {item.Code} có điểm tối đa {item.Max} (phải lớn hơn 0).");
                    else if (item.Max != decimal.Round(item.Max, 3)) errors.Add($"Bộ tiêu chí {code}: tiêu chí thành phần {item.Code} có điểm tối đa {item.Max} quá 3 chữ số thập phân.");
                    if (!Enum.IsDefined(item.Source)) errors.Add($"Bộ tiêu chí {code}: tiêu chí thành phần {item.Code} có nguồn điểm không hợp lệ.");
                }
            }
        }
        if (errors.Count == 0 && !fields.SelectMany(f => f.Items).Any(i => i.CountsInMaximum))
            errors.Add($"Bộ tiêu chí {code} không có tiêu chí thành phần nào được tính vào điểm tối đa (Appraisal hoặc Survey).");

        if (errors.Count > 0) throw new DomainValidationException($"Bộ tiêu chí {code} không hợp lệ:", errors);
        return new Framework(code, title, fields);
    }

    /// <summary>A criterion with no items, scored as one item of the same code.</summary>
    public static Criterion CriterionAsItem(string code, string title, decimal max, ItemSource source, bool evidenceRequired = false, string? guide = null) =>
        new(code, title, [new Item(code, title, max, source, evidenceRequired, guide)]);
}
