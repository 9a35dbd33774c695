using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Domain.Text;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Restrictions;

public sealed record OffenderRequest(string? Name, string? Kana, DateOnly? BirthDate, string? Address);

public sealed record OffenderView(long Id, long RestrictionId, string Name, string? Kana, DateOnly? BirthDate, string? Address, string CreatedBy, DateTime CreatedAt);

/// <summary>
/// 加害者 of a 支援措置 (標準3.4; 事務処理要領 第5-10): recorded with the measure so that a 交付請求 or 閲覧 by that person is
/// refused. Registry officers only; every change and view is audited.
/// </summary>
public sealed class OffenderService(PlatformSettings settings, ITenantScopeAccessor scope, IAuditLog audit, TimeProvider clock)
{
    public async Task<OffenderView> AddAsync(long restrictionId, OffenderRequest request, AuditActor actor, CancellationToken ct)
    {
        var tenantId = scope.RequireTenant();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["加害者の氏名を入力してください。"];
        else if (request.Name.Trim().Length > 200) errors["name"] = ["氏名は200文字以内で入力してください。"];
        if (request.Address?.Trim().Length > 300) errors["address"] = ["住所は300文字以内で入力してください。"];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var measure = await db.Restrictions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == restrictionId, ct)
            ?? throw DomainException.NotFound("registry.restriction.not-found", $"抑止番号 {restrictionId} はありません。");
        if (measure.Kind == RestrictionKind.Other)
            throw new DomainException("registry.restriction.not-support-measure", "加害者は支援措置・仮支援措置にだけ登録できます。", "restrictionId", 409);
        var row = new RestrictionOffenderRow
        {
            TenantId = tenantId, RestrictionId = restrictionId, Name = request.Name!.Trim(), NameKey = NameSearchKey.Normalize(request.Name),
            Kana = string.IsNullOrWhiteSpace(request.Kana) ? null : request.Kana.Trim(), BirthDate = request.BirthDate,
            Address = string.IsNullOrWhiteSpace(request.Address) ? null : request.Address.Trim(), CreatedBy = actor.Name, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.RestrictionOffenders.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataWrite, TargetType: "registry.restriction",
            TargetId: restrictionId.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail: "支援措置の加害者の登録"), ct);
        return ToView(row);
    }

    public async Task<IReadOnlyList<OffenderView>> ListAsync(long restrictionId, AuditActor actor, CancellationToken ct)
    {
        var tenantId = scope.RequireTenant();
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var rows = await db.RestrictionOffenders.AsNoTracking().Where(o => o.RestrictionId == restrictionId).OrderBy(o => o.Id).ToListAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataRead, TargetType: "registry.restriction",
            TargetId: restrictionId.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail: $"支援措置の加害者の照会 件数: {rows.Count}"), ct);
        return rows.Select(ToView).ToList();
    }

    private static OffenderView ToView(RestrictionOffenderRow r) => new(r.Id, r.RestrictionId, r.Name, r.Kana, r.BirthDate, r.Address, r.CreatedBy, r.CreatedAt);
}
