using Jichitai.Platform.Audit;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Settings;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Demo;

/// <summary>The demo municipality (a fictional city) with one demo account per role. Idempotent.</summary>
public sealed class DemoSeeder(PlatformDbContext db, TenantService tenants, StaffUserService staff, ITenantScopeAccessor scope)
{
    public const string TenantCode = "139998"; // fictional: 東京都 with an unused code; check digit valid
    public const string TenantName = "デモ市";
    public const string Password = "Demo-Pass-2026!";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role)> Accounts =
    [
        ("demo-madoguchi", "窓口 花子", StaffRoles.Counter),
        ("demo-juki", "住記 太郎", StaffRoles.RegistryOfficer),
        ("demo-kaigo", "介護 次郎", StaffRoles.CareInsurance),
        ("demo-joho", "情報 三郎", StaffRoles.TenantAdmin),
        ("demo-kansa", "監査 四郎", StaffRoles.Auditor),
        ("demo-operator", "運用 五郎", StaffRoles.Operator),
    ];

    /// <summary>Per-module seeders (sample residents etc.) run after the platform's; registered by modules.</summary>
    public async Task<Tenant> SeedAsync(IEnumerable<IDemoDataSeeder> moduleSeeders, CancellationToken ct = default)
    {
        var actor = new AuditActor(null, "demo-seed", "local");
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Code == TenantCode, ct)
            ?? await tenants.CreateAsync(new TenantDraft(TenantCode, TenantName, "デモシ", "東京都", "一般市"), actor, ct);
        foreach (var (userName, displayName, role) in Accounts)
        {
            if (await db.Users.AnyAsync(u => u.UserName == userName, ct)) continue;
            await staff.CreateAsync(new StaffUserDraft(role == StaffRoles.Operator ? null : tenant.Id, userName, displayName, Password, [role], IsDemo: true), actor, ct);
        }
        if (!await db.TenantSettings.AnyAsync(s => s.TenantId == tenant.Id, ct))
        {
            var today = JapanTime.Today(TimeProvider.System);
            db.TenantSettings.AddRange(
                Setting(tenant.Id, "municipality.mayorName", "出茂 市郎", today),
                Setting(tenant.Id, "municipality.officeAddress", "東京都デモ市本町一丁目1番1号", today),
                Setting(tenant.Id, "municipality.phone", "0120-000-000", today));
            await db.SaveChangesAsync(ct);
        }
        // Module seeders enter data as the tenant's staff would; contexts they open are bound to the tenant scope.
        var previous = scope.Scope;
        scope.Scope = TenantScope.ForTenant(tenant.Id);
        try
        {
            foreach (var seeder in moduleSeeders) await seeder.SeedAsync(tenant, ct);
        }
        finally { scope.Scope = previous; }
        return tenant;
    }

    private static TenantSettingValue Setting(int tenantId, string key, string value, DateOnly from) => new()
    {
        TenantId = tenantId, Key = key, Value = value, EffectiveFrom = from, ChangedByName = "demo-seed", ChangedAt = DateTime.UtcNow,
    };
}

/// <summary>Implemented by each business module to add its sample data to the demo municipality.</summary>
public interface IDemoDataSeeder
{
    Task SeedAsync(Tenant tenant, CancellationToken ct);
}
