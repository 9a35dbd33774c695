using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Settings;

public sealed record EffectiveSetting(SettingDefinition Definition, string Value, DateOnly? EffectiveFrom, bool IsDefault, TenantSettingValue? Scheduled);

public sealed record SettingDifference(int TenantId, string TenantCode, string TenantName, SettingDefinition Definition, string Value, DateOnly EffectiveFrom);

public sealed record SettingChange(string Key, string Value, DateOnly EffectiveFrom, string? Reason);

/// <summary>Typed, versioned tenant settings: read the value in force on a date, schedule a new value, report differences.</summary>
public sealed class TenantSettingsService(PlatformDbContext db, IAuditLog audit, TimeProvider clock)
{
    public DateOnly Today => JapanTime.Today(clock);

    public async Task<IReadOnlyList<EffectiveSetting>> GetAllAsync(int tenantId, DateOnly? on = null, CancellationToken ct = default)
    {
        var date = on ?? Today;
        var versions = await db.TenantSettings.AsNoTracking().Where(s => s.TenantId == tenantId).ToListAsync(ct);
        return SettingCatalog.All.Select(def =>
        {
            var mine = versions.Where(v => v.Key == def.Key).OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Id).ToList();
            var current = mine.LastOrDefault(v => v.EffectiveFrom <= date);
            var scheduled = mine.LastOrDefault(v => v.EffectiveFrom > date);
            return current is null
                ? new EffectiveSetting(def, def.Default, null, true, scheduled)
                : new EffectiveSetting(def, current.Value, current.EffectiveFrom, current.Value == def.Default, scheduled);
        }).ToList();
    }

    public async Task<string> GetAsync(int tenantId, string key, DateOnly? on = null, CancellationToken ct = default)
    {
        var def = SettingCatalog.Find(key) ?? throw new ArgumentException($"unknown setting {key}", nameof(key));
        var date = on ?? Today;
        var current = await db.TenantSettings.AsNoTracking()
            .Where(s => s.TenantId == tenantId && s.Key == key && s.EffectiveFrom <= date)
            .OrderByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        return current?.Value ?? def.Default;
    }

    public async Task<int> GetIntAsync(int tenantId, string key, DateOnly? on = null, CancellationToken ct = default) =>
        int.Parse(await GetAsync(tenantId, key, on, ct), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Records a new version. Past dates are refused: history is not rewritten.</summary>
    public async Task<TenantSettingValue> ChangeAsync(int tenantId, SettingChange change, AuditActor actor, CancellationToken ct = default)
    {
        var def = SettingCatalog.Find(change.Key)
            ?? throw new DomainException("setting.unknown", $"設定項目「{change.Key}」はありません。", "key");
        var (value, error) = def.Validate(change.Value);
        if (error is not null) throw new DomainException("setting.invalid", error, "value");
        if (change.EffectiveFrom < Today)
            throw new DomainException("setting.effective-in-past", "適用開始日に過去の日付は指定できません(履歴は書き換えられません)。", "effectiveFrom");

        var before = await GetAsync(tenantId, def.Key, change.EffectiveFrom, ct);
        var row = new TenantSettingValue
        {
            TenantId = tenantId, Key = def.Key, Value = value!, EffectiveFrom = change.EffectiveFrom,
            ChangedBy = actor.Id, ChangedByName = actor.Name, ChangedAt = clock.GetUtcNow().UtcDateTime, Reason = change.Reason,
        };
        if (db.Scope.TenantId != tenantId)
            throw DomainException.Forbidden("setting.other-tenant", "他の団体の設定は変更できません。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.TenantSettings.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.AppendWithinAsync(db, actor, new AuditRecord(AuditActions.SettingChange, TargetType: "setting", TargetId: def.Key,
            Reason: change.Reason, Detail: $"{before} → {value} ({change.EffectiveFrom:yyyy-MM-dd}から)"), ct);
        await tx.CommitAsync(ct);
        return row;
    }

    /// <summary>Settings in force today that differ from the standard default, for one tenant or (operator) for all.</summary>
    public async Task<IReadOnlyList<SettingDifference>> DifferencesAsync(int? tenantId, CancellationToken ct = default)
    {
        var tenants = await db.Tenants.AsNoTracking().Where(t => tenantId == null || t.Id == tenantId).OrderBy(t => t.Code).ToListAsync(ct);
        var result = new List<SettingDifference>();
        foreach (var t in tenants)
            foreach (var s in await GetAllAsync(t.Id, null, ct))
                if (!s.IsDefault)
                    result.Add(new SettingDifference(t.Id, t.Code, t.Name, s.Definition, s.Value, s.EffectiveFrom!.Value));
        return result;
    }
}
