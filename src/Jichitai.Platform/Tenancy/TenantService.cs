using System.Text.RegularExpressions;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Tenancy;

public sealed record TenantDraft(string Code, string Name, string? NameKana = null, string? Prefecture = null, string? Class = null);

/// <summary>Registers and lists municipalities. Only the operator (or the CLI) manages tenants.</summary>
public sealed partial class TenantService(PlatformDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<Tenant> CreateAsync(TenantDraft draft, AuditActor actor, CancellationToken ct = default)
    {
        LocalGovernmentCode.EnsureValid(draft.Code, "code");
        var name = draft.Name?.Trim() ?? "";
        if (name.Length is 0 or > 60) throw new DomainException("tenant.name.invalid", "団体名は1〜60文字で入力してください。", "name");
        var kana = draft.NameKana?.Trim() ?? "";
        if (kana.Length > 0 && !KatakanaPattern().IsMatch(kana))
            throw new DomainException("tenant.kana.invalid", "団体名カナは全角カタカナで入力してください。", "nameKana");
        var expectedPrefecture = Prefectures.FromLocalGovernmentCode(draft.Code);
        var prefecture = string.IsNullOrWhiteSpace(draft.Prefecture) ? expectedPrefecture : draft.Prefecture.Trim();
        if (prefecture != expectedPrefecture)
            throw new DomainException("tenant.prefecture.mismatch", $"地方公共団体コード {draft.Code} の都道府県は{expectedPrefecture}です(指定: {prefecture})。", "prefecture");
        var cls = MunicipalityClass.General;
        if (!string.IsNullOrWhiteSpace(draft.Class) && !TenantLabels.TryParseClass(draft.Class, out cls))
            throw new DomainException("tenant.class.invalid", "区分は 指定都市/中核市/施行時特例市/一般市/町村/特別区 のいずれかです。", "class");
        if (await db.Tenants.AnyAsync(t => t.Code == draft.Code, ct))
            throw DomainException.Conflict("tenant.code.duplicate", $"地方公共団体コード {draft.Code} の団体はすでに登録されています。", "code");

        var tenant = new Tenant
        {
            Code = draft.Code, Name = name, NameKana = kana, Prefecture = prefecture, Class = cls,
            Status = TenantStatus.Active, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(null, actor, new AuditRecord(AuditActions.TenantCreate, TargetType: "tenant", TargetId: tenant.Code, Detail: tenant.Name), ct);
        return tenant;
    }

    public Task<List<Tenant>> ListAsync(CancellationToken ct = default) =>
        db.Tenants.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);

    public async Task<Tenant> GetByCodeAsync(string code, CancellationToken ct = default) =>
        await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, ct)
        ?? throw DomainException.NotFound("tenant.not-found", $"地方公共団体コード {code} の団体は登録されていません。");

    [GeneratedRegex(@"^[\u30A0-\u30FF\u3000 ]+$")]
    private static partial Regex KatakanaPattern();
}
