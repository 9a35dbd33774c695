using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Settings;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Reports;

public sealed record LateNotificationLine(long MovementId, string Reason, DateOnly EffectiveOn, DateOnly NotifiedOn, int DaysLate, string AddresseeNumber, string Name, string Address);

public sealed record UnconfirmedMoveOutLine(string AddresseeNumber, string Name, DateOnly PlannedDate, string Destination, int DaysSince);

/// <summary>
/// Lists the registry office works from: 届出期間経過 (late 届出 are liable to a 過料 under 住基法52条2項; the list is
/// the basis of the office's notice to the 簡易裁判所) and 転出 without a 転入通知 after the tenant's period (standard 4.1.3.1.4).
/// </summary>
public sealed class RegistryReports(PlatformSettings settings, ITenantScopeAccessor scope, TenantSettingsService tenantSettings, IAuditLog audit, TimeProvider clock)
{
    public const string UnconfirmedDaysSetting = "registry.moveOutUnconfirmedDays";
    private int TenantId => scope.RequireTenant();

    public async Task<IReadOnlyList<LateNotificationLine>> LateNotificationsAsync(DateOnly from, DateOnly to, AuditActor actor, CancellationToken ct)
    {
        if (from > to) throw new DomainException("registry.report.range", "期間の開始日が終了日より後になっています。", "from");
        var tenantId = TenantId;
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var rows = await (from m in db.Movements.AsNoTracking()
                          join v in db.ResidentVersions.AsNoTracking() on m.Id equals v.MovementId
                          join r in db.Residents.AsNoTracking() on v.ResidentId equals r.Id
                          where m.LateNotification && m.CancelledByMovementId == null && m.NotifiedOn >= @from && m.NotifiedOn <= to
                          orderby m.NotifiedOn, m.Id, r.AddresseeNumber
                          select new { m.Id, m.ReasonCode, m.EffectiveOn, m.NotifiedOn, r.AddresseeNumber, v.Record }).ToListAsync(ct);
        var lines = rows.Select(x =>
        {
            var rec = MovementSession.Deserialize(x.Record);
            return new LateNotificationLine(x.Id, ((MovementReasonCode)x.ReasonCode).Label(), x.EffectiveOn, x.NotifiedOn,
                x.NotifiedOn.DayNumber - x.EffectiveOn.DayNumber - MovementDateRules.NotificationPeriodDays, x.AddresseeNumber, rec.FullName, rec.Address.Display);
        }).ToList();
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataRead, TargetType: "registry.report",
            Detail: $"届出期間経過者一覧 {from:yyyy-MM-dd}〜{to:yyyy-MM-dd} 件数: {lines.Count}"), ct);
        return lines;
    }

    public async Task<IReadOnlyList<UnconfirmedMoveOutLine>> UnconfirmedMoveOutsAsync(AuditActor actor, CancellationToken ct)
    {
        var tenantId = TenantId;
        var today = JapanTime.Today(clock);
        var days = await tenantSettings.GetIntAsync(tenantId, UnconfirmedDaysSetting, today, ct);
        var cutoff = today.AddDays(-days);
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var reason = (int)MovementReasonCode.MoveOut;
        var candidates = await (from m in db.Movements.AsNoTracking()
                                join v in db.ResidentVersions.AsNoTracking() on m.Id equals v.MovementId
                                join r in db.Residents.AsNoTracking() on v.ResidentId equals r.Id
                                where m.ReasonCode == reason && m.CancelledByMovementId == null && m.EffectiveOn <= cutoff && r.Status == ResidentStatus.Removed
                                select new { r.AddresseeNumber, r.Record }).Distinct().ToListAsync(ct);
        var lines = candidates.Select(c => MovementSession.Deserialize(c.Record))
            .Where(r => r.RemovalReason == MovementReasonCode.MoveOut && r.MoveOut is { ConfirmedOn: null })
            .Select(r => new UnconfirmedMoveOutLine(r.AddresseeNumber, r.FullName, r.MoveOut!.PlannedDate, r.MoveOut.Destination, today.DayNumber - r.MoveOut.PlannedDate.DayNumber))
            .OrderBy(l => l.PlannedDate).ThenBy(l => l.AddresseeNumber).ToList();
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataRead, TargetType: "registry.report",
            Detail: $"転入通知未着者一覧({days}日経過) 件数: {lines.Count}"), ct);
        return lines;
    }
}
