using Jichitai.Platform.Errors;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Restrictions;

public sealed record RestrictionNotice(long RestrictionId, string Kind, RestrictionLevel Level, string Message);

/// <summary>Applies restrictions where residents are read or changed; the one place the levels are enforced.</summary>
public static class RestrictionChecks
{
    /// <summary>Active restrictions on each resident, directly or through their household.</summary>
    public static async Task<Dictionary<long, List<RestrictionRow>>> ActiveAsync(RegistryDbContext db, IReadOnlyCollection<(long ResidentId, long? HouseholdId)> people, DateOnly today, CancellationToken ct)
    {
        var residentIds = people.Select(p => p.ResidentId).Distinct().ToList();
        var householdIds = people.Where(p => p.HouseholdId is not null).Select(p => p.HouseholdId!.Value).Distinct().ToList();
        var rows = await db.Restrictions.AsNoTracking()
            .Where(r => r.EndedOn == null && r.StartOn <= today
                && ((r.ResidentId != null && residentIds.Contains(r.ResidentId.Value)) || (r.HouseholdId != null && householdIds.Contains(r.HouseholdId.Value))))
            .ToListAsync(ct);
        return people.ToDictionary(p => p.ResidentId, p => rows.Where(r => r.ResidentId == p.ResidentId || (p.HouseholdId is not null && r.HouseholdId == p.HouseholdId)).ToList());
    }

    public static IReadOnlyList<RestrictionNotice> Notices(IEnumerable<RestrictionRow> rows, RestrictedProcess process, DateOnly today, DateTime utcNow) =>
        rows.Select(r => (Row: r, Level: RestrictionRules.EffectiveLevel(r, process, today, utcNow)))
            .Where(x => x.Level != RestrictionLevel.None || RestrictionRules.PeriodWarning(x.Row, today) is not null)
            .Select(x => new RestrictionNotice(x.Row.Id, RestrictionRules.KindLabel(x.Row.Kind), x.Level,
                $"{RestrictionRules.KindLabel(x.Row.Kind)}の対象です({ProcessLabel(process)}: {RestrictionRules.LevelLabel(x.Level)}" +
                (x.Row.ReleasedUntil is { } u && u > utcNow ? "、一時解除中" : "") + ")。" + (RestrictionRules.PeriodWarning(x.Row, today) ?? "")))
            .ToList();

    /// <summary>Throws when any restriction stops <paramref name="process"/> for this person (an error not temporarily released).</summary>
    public static void EnsureAllowed(string addresseeNumber, IEnumerable<RestrictionRow> rows, RestrictedProcess process, DateOnly today, DateTime utcNow)
    {
        var blocking = rows.FirstOrDefault(r => RestrictionRules.EffectiveLevel(r, process, today, utcNow) == RestrictionLevel.Error);
        if (blocking is not null)
            throw new DomainException($"registry.restricted.{process.ToString().ToLowerInvariant()}",
                $"宛名番号 {addresseeNumber} は{RestrictionRules.KindLabel(blocking.Kind)}の対象のため、{ProcessLabel(process)}できません(抑止番号 {blocking.Id})。必要な場合は権限のある職員が一時解除してください(標準仕様書 3.1)。",
                "addresseeNumber", 403);
    }

    /// <summary>
    /// 照会 of one or more people (標準3.1, 3.4): refused when an inquiry restriction is an error; where any restriction applies,
    /// a stated reason is required (it goes into the access log). Returns the notices to show with the record.
    /// </summary>
    public static IReadOnlyList<RestrictionNotice> CheckInquiry(IReadOnlyList<(string AddresseeNumber, List<RestrictionRow> Rows)> people,
        string? reason, Func<string, string> reasonRequiredMessage, DateOnly today, DateTime utcNow)
    {
        var notices = people.SelectMany(p => Notices(p.Rows, RestrictedProcess.Inquiry, today, utcNow)).ToList();
        foreach (var p in people) EnsureAllowed(p.AddresseeNumber, p.Rows, RestrictedProcess.Inquiry, today, utcNow);
        if (notices.Count > 0 && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("registry.restriction.reason-required",
                reasonRequiredMessage(string.Join("・", notices.Select(n => n.Kind).Distinct())), "reason", 428);
        return notices;
    }

    public static string ProcessLabel(RestrictedProcess p) => p switch
    {
        RestrictedProcess.Movement => "異動",
        RestrictedProcess.Issuance => "証明書の発行",
        _ => "照会",
    };
}
