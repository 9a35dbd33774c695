using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Movements;

/// <summary>
/// 続柄 re-setting when a household changes head or members (standard 4.1.4.2 世帯主変更による続柄設定, 4.0.4 世帯主不在).
/// The clerk gives the new head and each remaining member's 続柄 to the new head; nobody's 続柄 is guessed.
/// </summary>
public sealed record HeadAssignment
{
    /// <summary>宛名番号 of the new 世帯主, when the household's head changes.</summary>
    public string? NewHeadAddresseeNumber { get; init; }
    /// <summary>宛名番号 → 続柄 to the (new) head, for every member whose 続柄 changes.</summary>
    public IReadOnlyDictionary<string, string> Relationships { get; init; } = new Dictionary<string, string>();
}

public static class HouseholdReshape
{
    /// <summary>
    /// Gives <paramref name="members"/> (the household after the change, in order) the head and 続柄 of <paramref name="assignment"/>.
    /// When the head changes, every other member must get a 続柄 to the new head.
    /// </summary>
    public static void Apply(MovementSession session, IReadOnlyList<TrackedResident> members, HeadAssignment assignment, Func<ResidentRecord, ResidentRecord>? also = null)
    {
        var newHead = assignment.NewHeadAddresseeNumber?.Trim();
        if (!string.IsNullOrEmpty(newHead) && members.All(m => m.Row.AddresseeNumber != newHead))
            throw new DomainException("registry.household.head-not-member", $"新しい世帯主(宛名番号 {newHead})はこの世帯の世帯員ではありません。", "newHeadAddresseeNumber");
        foreach (var (number, rel) in assignment.Relationships)
        {
            if (members.All(m => m.Row.AddresseeNumber != number))
                throw new DomainException("registry.household.relationship-not-member", $"続柄を指定した宛名番号 {number} はこの世帯の世帯員ではありません。", $"relationships[{number}]");
            if (!RelationshipCatalog.TryParse(rel, out var parsed, out var error))
                throw new DomainException("registry.household.relationship-invalid", $"宛名番号 {number} の続柄: {error}。", $"relationships[{number}]");
            if (parsed!.Label == HouseholdRules.HeadRelationship && number != newHead)
                throw new DomainException("registry.household.relationship-head", $"宛名番号 {number} の続柄に「世帯主」は指定できません。世帯主は「新しい世帯主」で指定してください。", $"relationships[{number}]");
        }
        var order = 0;
        foreach (var m in members.OrderBy(m => m.Row.AddresseeNumber == newHead ? 0 : m.Record.IsHead && string.IsNullOrEmpty(newHead) ? 0 : 1).ThenBy(m => m.Record.MemberOrder))
        {
            var relationship = m.Record.Relationship;
            if (!string.IsNullOrEmpty(newHead))
            {
                if (m.Row.AddresseeNumber == newHead) relationship = HouseholdRules.HeadRelationship;
                else if (assignment.Relationships.TryGetValue(m.Row.AddresseeNumber, out var given)) relationship = PersonFactory.CanonicalRelationship(given)!;
                else throw new DomainException("registry.household.relationship-required",
                    $"世帯主が変わるため、宛名番号 {m.Row.AddresseeNumber}({m.Record.FullName})の新しい世帯主との続柄を入力してください(標準仕様書 4.1.4.2)。", $"relationships[{m.Row.AddresseeNumber}]");
            }
            else if (assignment.Relationships.TryGetValue(m.Row.AddresseeNumber, out var given)) relationship = PersonFactory.CanonicalRelationship(given)!;
            var changed = m.Record with { Relationship = relationship, MemberOrder = string.IsNullOrEmpty(newHead) ? m.Record.MemberOrder : ++order };
            if (also is not null) changed = also(changed);
            if (changed != m.Record) session.Update(m, changed);
        }
    }
}
