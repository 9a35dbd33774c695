using System.Net;
using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.InputPlaces;

public sealed record InputLocationRequest(string? Code, string? Name, string? Kind, string? Ward);
public sealed record InputTerminalRequest(string? LocationCode, string? Name, string? ClientAddress);
public sealed record InputLocationView(long Id, string Code, string Name, string Kind, string? Ward, bool Active, IReadOnlyList<InputTerminalView> Terminals);
public sealed record InputTerminalView(long Id, string Name, string ClientAddress, bool Active);

/// <summary>
/// 入力場所・入力端末 (standard 1.3.1): the places (本庁, 支所, 出張所, 利用課; 行政区 in a 指定都市) and the terminals the
/// registry is used from. A terminal is recognised by its network address; every 異動 records the place and terminal
/// it was entered from (1.2.1), or the bare address when the terminal is not registered.
/// </summary>
public sealed class InputPlaceService(PlatformSettings settings, ITenantScopeAccessor scope, IAuditLog audit)
{
    private int TenantId => scope.Scope.TenantId ?? throw DomainException.Forbidden("registry.no-tenant", "住民記録は団体の職員だけが操作できます。");

    public async Task<IReadOnlyList<InputLocationView>> ListAsync(CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        var locations = await db.InputLocations.AsNoTracking().OrderBy(l => l.Code).ToListAsync(ct);
        var terminals = await db.InputTerminals.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        return locations.Select(l => new InputLocationView(l.Id, l.Code, l.Name, l.Kind.Label(), l.Ward, l.Active,
            terminals.Where(t => t.LocationId == l.Id).Select(t => new InputTerminalView(t.Id, t.Name, t.ClientAddress, t.Active)).ToList())).ToList();
    }

    public async Task<InputLocationView> CreateLocationAsync(InputLocationRequest request, AuditActor actor, CancellationToken ct)
    {
        var tenantId = TenantId;
        var designatedCity = await IsDesignatedCityAsync(tenantId, ct);
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var errors = new Dictionary<string, string[]>();
        var code = request.Code?.Trim() ?? "";
        var kind = InputLocationKinds.Parse(request.Kind);
        var ward = string.IsNullOrWhiteSpace(request.Ward) ? null : request.Ward.Trim();
        if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[0-9A-Za-z]{1,20}$")) errors["code"] = ["場所コードは半角英数字20文字以内で入力してください。"];
        else if (await db.InputLocations.AnyAsync(l => l.Code == code, ct)) errors["code"] = [$"場所コード {code} は既に使われています。"];
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["入力場所の名称を入力してください。"];
        else if (request.Name.Trim().Length > 100) errors["name"] = ["名称は100文字以内で入力してください。"];
        if (kind is null) errors["kind"] = ["種別(本庁、支所、出張所、住民記録システム利用課、区役所)を選んでください。"];
        // 1.3.1: a 指定都市 manages its 行政区 (区役所); other municipalities have none.
        if (designatedCity && ward is null) errors["ward"] = ["指定都市では行政区を入力してください(標準仕様書 1.3.1)。"];
        if (!designatedCity && (ward is not null || kind == InputLocationKind.WardOffice)) errors["ward"] = ["行政区(区役所)は指定都市だけが管理します。"];
        if (ward is { Length: > 50 }) errors["ward"] = ["行政区は50文字以内で入力してください。"];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        var row = new InputLocationRow { Code = code, Name = request.Name!.Trim(), Kind = kind!.Value, Ward = ward };
        db.InputLocations.Add(row);
        await db.SaveChangesAsync(ct);
        await AuditAsync(actor, $"入力場所の登録 {row.Code} {row.Name}", ct);
        return new InputLocationView(row.Id, row.Code, row.Name, row.Kind.Label(), row.Ward, true, []);
    }

    public async Task<InputTerminalView> CreateTerminalAsync(InputTerminalRequest request, AuditActor actor, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        var errors = new Dictionary<string, string[]>();
        var code = request.LocationCode?.Trim();
        var location = string.IsNullOrEmpty(code) ? null : await db.InputLocations.SingleOrDefaultAsync(l => l.Code == code && l.Active, ct);
        if (location is null) errors["locationCode"] = [string.IsNullOrEmpty(code) ? "端末を置く入力場所のコードを入力してください。" : $"場所コード {code} の入力場所は登録されていません。"];
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) errors["name"] = ["端末名を100文字以内で入力してください。"];
        else if (await db.InputTerminals.AnyAsync(t => t.Name == name, ct)) errors["name"] = [$"端末名 {name} は既に登録されています。"];
        string? address = null;
        if (!IPAddress.TryParse(request.ClientAddress?.Trim(), out var ip)) errors["clientAddress"] = ["端末のIPアドレス(例: 10.1.2.3)を入力してください。"];
        else
        {
            address = Normalize(ip);
            if (await db.InputTerminals.AnyAsync(t => t.ClientAddress == address && t.Active, ct)) errors["clientAddress"] = [$"IPアドレス {address} は既に別の端末に登録されています。"];
        }
        if (errors.Count > 0) throw new DomainValidationException(errors);
        var row = new InputTerminalRow { LocationId = location!.Id, Name = name, ClientAddress = address! };
        db.InputTerminals.Add(row);
        await db.SaveChangesAsync(ct);
        await AuditAsync(actor, $"入力端末の登録 {row.Name} ({row.ClientAddress}) 場所 {location.Code}", ct);
        return new InputTerminalView(row.Id, row.Name, row.ClientAddress, true);
    }

    /// <summary>A terminal taken out of use keeps its name in the histories that recorded it.</summary>
    public async Task DeactivateTerminalAsync(long id, AuditActor actor, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        var row = await db.InputTerminals.SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw DomainException.NotFound("registry.terminal.not-found", $"端末 {id} は登録されていません。");
        row.Active = false;
        await db.SaveChangesAsync(ct);
        await AuditAsync(actor, $"入力端末の使用停止 {row.Name}", ct);
    }

    /// <summary>Stamps a movement with the place and terminal of <paramref name="clientAddress"/> (standard 1.2.1: 入力場所・入力端末).</summary>
    internal static async Task StampAsync(RegistryDbContext db, MovementRow movement, string? clientAddress, CancellationToken ct)
    {
        movement.ClientAddress = clientAddress is { Length: > 0 and <= 64 } ? clientAddress : null;
        var (location, terminal) = await LocateAsync(db, clientAddress, ct);
        movement.InputTerminal = terminal;
        movement.InputLocation = location;
    }

    /// <summary>The registered place and terminal of a client address (both null for an unregistered one).</summary>
    internal static async Task<(string? Location, string? Terminal)> LocateAsync(RegistryDbContext db, string? clientAddress, CancellationToken ct)
    {
        if (!IPAddress.TryParse(clientAddress, out var ip)) return (null, null);
        var address = Normalize(ip);
        var found = await (from t in db.InputTerminals join l in db.InputLocations on t.LocationId equals l.Id
                           where t.ClientAddress == address && t.Active
                           select new { Terminal = t.Name, l.Name, l.Ward }).FirstOrDefaultAsync(ct);
        return found is null ? (null, null) : (found.Ward is null ? found.Name : $"{found.Ward} {found.Name}", found.Terminal);
    }

    private static string Normalize(IPAddress ip) => (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();

    private async Task<bool> IsDesignatedCityAsync(int tenantId, CancellationToken ct)
    {
        await using var platform = PlatformDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        return await platform.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Class).FirstOrDefaultAsync(ct) == MunicipalityClass.DesignatedCity;
    }

    private Task AuditAsync(AuditActor actor, string what, CancellationToken ct) =>
        audit.AppendAsync(TenantId, actor, new AuditRecord(AuditActions.SettingChange, TargetType: "registry.input-place", Detail: what), ct);
}
