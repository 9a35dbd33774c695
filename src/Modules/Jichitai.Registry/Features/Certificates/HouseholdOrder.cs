using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.Certificates;

/// <summary>
/// 世帯員の並び順 of a 世帯連記式 copy (標準5.2): 第1順位 世帯主・配偶者・子, 第2順位 the families of the head's children,
/// 第3順位 父母・兄弟姉妹・祖父母, 第4順位 other relatives, 縁故者, 同居人. Ties: 生年月日, then 宛名番号.
/// </summary>
/// <remarks>
/// The 続柄 says "子の妻" but not whose wife. A child's family is recognised by the 戸籍 it shares: a 子の配偶者 or 子の子
/// with the same 本籍 and 筆頭者 as a 子 belongs to that 子 (marriage or a first child opens a new 戸籍; 三代戸籍 is not
/// allowed). 子の配偶者 and 子の子 that match no 子 (外国人住民, 本籍 unknown) form one family after the matched ones.
/// </remarks>
public static class HouseholdOrder
{
    public static IReadOnlyList<T> Sort<T>(IReadOnlyList<T> members, Func<T, ResidentRecord> record)
    {
        ArgumentNullException.ThrowIfNull(members);
        var people = members.Select(m => (Member: m, Record: record(m), Relation: Parse(record(m).Relationship))).ToList();
        var familyIndexes = Enumerable.Range(0, people.Count)
            .Where(i => IsChildsSpouse(people[i].Relation) || IsGrandchild(people[i].Relation)).ToList();

        // A 子 heads a 第2順位 family when a 子の配偶者 or 子の子 shares its 戸籍.
        var familyOf = new Dictionary<int, (DateOnly Birth, string Number)>();
        foreach (var c in Enumerable.Range(0, people.Count).Where(i => Is(people[i].Relation, KinshipTerm.Child)))
        {
            var child = people[c].Record;
            var key = FamilyKey(child);
            var family = familyIndexes.Where(i => key is not null && FamilyKey(people[i].Record) == key && !familyOf.ContainsKey(i)).ToList();
            if (family.Count == 0) continue;
            foreach (var i in family.Append(c)) familyOf[i] = (child.BirthDate, child.AddresseeNumber);
        }

        return people
            .Select((p, index) => (p.Member, Key: KeyOf(p.Record, p.Relation, familyOf.TryGetValue(index, out var f) ? f : null)))
            .OrderBy(x => x.Key.Rank).ThenBy(x => x.Key.Group).ThenBy(x => x.Key.GroupNumber, StringComparer.Ordinal)
            .ThenBy(x => x.Key.Position).ThenBy(x => x.Key.Birth).ThenBy(x => x.Key.Number, StringComparer.Ordinal)
            .Select(x => x.Member).ToList();
    }

    private readonly record struct SortKey(int Rank, DateOnly Group, string GroupNumber, int Position, DateOnly Birth, string Number);

    private static SortKey KeyOf(ResidentRecord r, Relationship? rel, (DateOnly Birth, string Number)? family)
    {
        SortKey Key(int rank, int position, DateOnly group = default, string groupNumber = "") =>
            new(rank, group, groupNumber, position, r.BirthDate, r.AddresseeNumber);
        if (rel is null) return Key(4, 9); // unreadable 続柄: last, by birth date
        if (rel.Kind == RelationshipKind.Head) return Key(1, 1);
        if (rel.Kind == RelationshipKind.Kin) return Key(4, 7);
        if (rel.Kind == RelationshipKind.Cohabitant) return Key(4, 8);
        if (IsSpouse(rel.Terms, 0) && rel.Terms.Length == 1) return Key(1, 2);
        if (Is(rel, KinshipTerm.Child))
            return family is { } f ? Key(2, 1, f.Birth, f.Number) : Key(1, 3);
        if (IsChildsSpouse(rel) || IsGrandchild(rel))
        {
            var position = IsChildsSpouse(rel) ? 2 : 3;
            // Families without a matching 子 come after the matched ones (DateOnly.MaxValue as their group).
            return family is { } f ? Key(2, position, f.Birth, f.Number) : Key(2, position, DateOnly.MaxValue, "");
        }
        if (IsParent(rel.Terms, 0) && rel.Terms.Length == 1) return Key(3, 1) with { Position = DomicileHeadFirst(r, 1) };
        if (IsSibling(rel.Terms)) return Key(3, 3);
        if (rel.Terms.Length == 2 && IsParent(rel.Terms, 0) && IsParent(rel.Terms, 1)) return Key(3, 4) with { Position = DomicileHeadFirst(r, 4) };
        // 第4順位 親族: the spouse's side follows the 第3順位 pattern (父母, 兄弟姉妹, 祖父母), then every other relative.
        if (IsSpouse(rel.Terms, 0) && rel.Terms.Length >= 2)
        {
            var rest = rel.Terms.RemoveAt(0);
            if (rest.Length == 1 && IsParent(rest, 0)) return Key(4, 1);
            if (IsSibling(rest)) return Key(4, 2);
            if (rest.Length == 2 && IsParent(rest, 0) && IsParent(rest, 1)) return Key(4, 3);
        }
        return Key(4, 6);
    }

    // 父母・祖父母: 筆頭者の方を先に記載 (the one whose name is the 筆頭者 comes first; otherwise 生年月日).
    private static int DomicileHeadFirst(ResidentRecord r, int position) =>
        IsDomicileHead(r) ? position : position + 1;

    private static bool IsDomicileHead(ResidentRecord r) =>
        !string.IsNullOrWhiteSpace(r.DomicileHead) && Squeeze(r.DomicileHead) == Squeeze(r.FamilyName + r.GivenName);

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private static string? FamilyKey(ResidentRecord r) =>
        string.IsNullOrWhiteSpace(r.Domicile) || string.IsNullOrWhiteSpace(r.DomicileHead) ? null : Squeeze(r.Domicile) + "|" + Squeeze(r.DomicileHead);

    private static Relationship? Parse(string label) => RelationshipCatalog.TryParse(label, out var rel, out _) ? rel : null;

    private static bool Is(Relationship? rel, KinshipTerm term) =>
        rel is { Kind: RelationshipKind.Family } && rel.Terms.Length == 1 && rel.Terms[0] == term;

    private static bool IsChildsSpouse(Relationship? rel) =>
        rel is { Kind: RelationshipKind.Family } && rel.Terms.Length == 2 && rel.Terms[0] == KinshipTerm.Child && IsSpouse(rel.Terms, 1);

    private static bool IsGrandchild(Relationship? rel) =>
        rel is { Kind: RelationshipKind.Family } && rel.Terms.Length == 2 && rel.Terms[0] == KinshipTerm.Child && rel.Terms[1] == KinshipTerm.Child;

    private static bool IsSpouse(System.Collections.Immutable.ImmutableArray<KinshipTerm> terms, int i) =>
        terms.Length > i && terms[i] is KinshipTerm.Husband or KinshipTerm.Wife or KinshipTerm.HusbandUnregistered or KinshipTerm.WifeUnregistered;

    private static bool IsParent(System.Collections.Immutable.ImmutableArray<KinshipTerm> terms, int i) =>
        terms.Length > i && terms[i] is KinshipTerm.Father or KinshipTerm.Mother;

    private static bool IsSibling(System.Collections.Immutable.ImmutableArray<KinshipTerm> terms) =>
        terms.Length == 1 && terms[0] is KinshipTerm.ElderBrother or KinshipTerm.ElderSister or KinshipTerm.YoungerBrother or KinshipTerm.YoungerSister;
}
