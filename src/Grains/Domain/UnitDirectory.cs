namespace ParIndex.Grains.Domain;

/// <summary>
/// Every known unit, across validity periods. Resolves a code on a date, and finds a unit's
/// children, as the cycle's configuration (groups, selectors) needs.
/// </summary>
public sealed class UnitDirectory
{
    private readonly Dictionary<string, List<AdministrativeUnit>> _byCode = new(StringComparer.Ordinal);
    // Children by parent code, every validity period: selectors walk the tree, and a scan of every unit per
    // node made resolving a national cycle quadratic.
    private readonly Dictionary<string, List<AdministrativeUnit>> _byParent = new(StringComparer.Ordinal);

    public UnitDirectory() { }

    public UnitDirectory(IEnumerable<AdministrativeUnit> units)
    {
        foreach (var unit in units) Add(unit);
    }

    public IEnumerable<AdministrativeUnit> All => _byCode.Values.SelectMany(v => v);

    public int Count => _byCode.Values.Sum(v => v.Count);

    /// <summary>Adds a unit; refuses one whose code and validity overlap an existing, different unit.</summary>
    public void Add(AdministrativeUnit unit)
    {
        var problem = Check(unit);
        if (problem is not null) throw new DomainException(problem);
        if (!_byCode.TryGetValue(unit.Code, out var versions)) _byCode[unit.Code] = versions = [];
        var same = versions.FindIndex(v => v.OverlapsValidityOf(unit));
        if (same >= 0)
        {
            // Re-importing the same unit updates it (Check made sure that its parent is the same).
            var old = versions[same];
            versions[same] = unit;
            if (old.ParentCode is { } oldParent) _byParent[oldParent].Remove(old);
        }
        else versions.Add(unit);
        if (unit.ParentCode is { } parent)
        {
            if (!_byParent.TryGetValue(parent, out var children)) _byParent[parent] = children = [];
            children.Add(unit);
        }
    }

    /// <summary>The reason a unit cannot be added, or null when it can.</summary>
    public string? Check(AdministrativeUnit unit)
    {
        if (string.IsNullOrWhiteSpace(unit.Code)) return "Mã đơn vị trống.";
        if (string.IsNullOrWhiteSpace(unit.Name)) return $"Đơn vị {unit.Code}: tên trống.";
        if (unit.Level < 0) return $"Đơn vị {unit.Code}: cấp {unit.Level} không hợp lệ (phải ≥ 0).";
        if (unit.ValidFrom is { } from && unit.ValidTo is { } to && to < from)
            return $"Đơn vị {unit.Code}: ngày hết hiệu lực {to:yyyy-MM-dd} trước ngày có hiệu lực {from:yyyy-MM-dd}.";
        if (_byCode.TryGetValue(unit.Code, out var versions))
        {
            foreach (var existing in versions.Where(v => v.OverlapsValidityOf(unit)))
            {
                if (existing.Name != unit.Name || existing.ParentCode != unit.ParentCode || existing.Level != unit.Level)
                    return $"Đơn vị {unit.Code} ({unit.Name}, {unit.ValidityText}) trùng mã và thời gian hiệu lực với đơn vị khác: {existing.Name} ({existing.ValidityText}).";
            }
        }
        return null;
    }

    public AdministrativeUnit? Find(string code, DateOnly on) =>
        _byCode.TryGetValue(code, out var versions) ? versions.FirstOrDefault(v => v.IsValidOn(on)) : null;

    public AdministrativeUnit Resolve(string code, DateOnly on) =>
        Find(code, on) ?? throw new DomainException($"Không có đơn vị mã {code} có hiệu lực ngày {on:yyyy-MM-dd}.");

    public IEnumerable<AdministrativeUnit> ChildrenOf(string parentCode, DateOnly on) =>
        _byParent.TryGetValue(parentCode, out var children) ? children.Where(u => u.IsValidOn(on)) : [];

    /// <summary>Every unit valid on the date that lies below the parent, at any depth.</summary>
    public IEnumerable<AdministrativeUnit> DescendantsOf(string parentCode, DateOnly on)
    {
        var pending = new Queue<string>([parentCode]);
        while (pending.TryDequeue(out var code))
        {
            foreach (var child in ChildrenOf(code, on))
            {
                yield return child;
                pending.Enqueue(child.Code);
            }
        }
    }

    /// <summary>Checks that a unit's level is one more than its parent's (0 or 1 without a parent).</summary>
    public string? CheckLevel(AdministrativeUnit unit)
    {
        var on = unit.ValidFrom ?? unit.ValidTo ?? DateOnly.FromDateTime(DateTime.Today);
        if (unit.ParentCode is null)
            return unit.Level <= 1 ? null : $"Đơn vị {unit.Code}: cấp {unit.Level} nhưng không có đơn vị cha.";
        var parent = Find(unit.ParentCode, on);
        if (parent is null) return $"Đơn vị {unit.Code}: không có đơn vị cha mã {unit.ParentCode} có hiệu lực ngày {on:yyyy-MM-dd}.";
        return unit.Level == parent.Level + 1 ? null
            : $"Đơn vị {unit.Code}: cấp {unit.Level} phải bằng cấp của đơn vị cha {parent.Code} cộng 1 ({parent.Level + 1}).";
    }
}
