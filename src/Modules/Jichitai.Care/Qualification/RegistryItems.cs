using System.Globalization;
using System.Text.Json.Nodes;
using Jichitai.Care.Persistence;

namespace Jichitai.Care.Qualification;

/// <summary>
/// The registry items 介護保険 is granted (data minimisation: nothing else reaches the module) and how a delivered event
/// or snapshot record updates what the module knows of a person.
/// </summary>
public static class RegistryItems
{
    public static readonly IReadOnlyCollection<string> Granted =
        ["status", "name", "nameKana", "birthDate", "gender", "postalCode", "address", "householdNumber", "becameResidentOn", "removedOn", "removalReason"];

    /// <summary>Applies one delivered 住民異動 event. Returns false for an event already applied (redelivery after a crash).</summary>
    public static bool ApplyEvent(CarePersonRow person, JsonObject e, DateTime now)
    {
        var sequence = e["sequence"]!.GetValue<long>();
        if (person.AppliedSequence >= sequence) return false;
        var after = e["after"] as JsonObject ?? [];
        var before = e["before"] as JsonObject;
        var wasResident = before?["status"]?.GetValue<string>() == "住民";
        Apply(person, after, (string?)e["householdNumber"], Date(e["effectiveOn"]) ?? DateOnly.FromDateTime(now));
        if (!wasResident && person.Status == "住民") person.BecameResidentReason = (string?)e["reason"];
        person.AppliedSequence = sequence;
        person.UpdatedAt = now;
        return true;
    }

    /// <summary>Applies a snapshot record (宛名 全件): the current items, consistent with a sequence.</summary>
    public static void ApplySnapshot(CarePersonRow person, JsonObject items, long sequence, DateTime now)
    {
        if (person.AppliedSequence > sequence) return;
        Apply(person, items, (string?)items["householdNumber"], DateOnly.FromDateTime(now));
        person.AppliedSequence = sequence;
        person.UpdatedAt = now;
    }

    private static void Apply(CarePersonRow p, JsonObject items, string? householdNumber, DateOnly effectiveOn)
    {
        p.Status = (string?)items["status"] ?? p.Status;
        p.Name = (string?)items["name"] ?? p.Name;
        p.NameKana = (string?)items["nameKana"] ?? p.NameKana;
        p.Gender = (string?)items["gender"] ?? p.Gender;
        p.BirthDate = Date(items["birthDate"]) ?? p.BirthDate;
        p.PostalCode = (string?)items["postalCode"];
        p.Address = (string?)items["address"];
        p.BecameResidentOn = Date(items["becameResidentOn"]);
        p.RemovedOn = Date(items["removedOn"]);
        p.RemovalReason = (string?)items["removalReason"];
        if (householdNumber is not null && householdNumber != p.HouseholdNumber)
        {
            if (p.HouseholdNumber is not null) p.HouseholdHistory = Households.Append(p.HouseholdHistory, effectiveOn, p.HouseholdNumber);
            p.HouseholdNumber = householdNumber;
        }
    }

    public static ResidenceFacts Facts(CarePersonRow p) =>
        new(p.BirthDate, p.BecameResidentOn, p.BecameResidentReason, p.Status == "住民" ? null : p.RemovedOn, p.RemovalReason, p.Status == "取消");

    private static DateOnly? Date(JsonNode? node) =>
        node is null ? null : DateOnly.ParseExact(node.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A person's household on a given day, from the current number and the history of earlier ones.</summary>
public static class Households
{
    /// <summary>History entries "yyyy-MM-dd:number" = the person belonged to number until (excluding) that day.</summary>
    public static string Append(string? history, DateOnly leftOn, string number)
    {
        var entry = $"{leftOn:yyyy-MM-dd}:{number}";
        var all = string.IsNullOrEmpty(history) ? entry : history + ";" + entry;
        return all.Length <= 1000 ? all : all[(all.IndexOf(';') + 1)..]; // keep the most recent ones
    }

    public static string? On(string? current, string? history, DateOnly day)
    {
        if (string.IsNullOrEmpty(history)) return current;
        foreach (var entry in history.Split(';'))
        {
            var leftOn = DateOnly.ParseExact(entry[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (day < leftOn) return entry[11..];
        }
        return current;
    }
}
