using System.Security.Cryptography;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Authenticity;

/// <summary>What the public may learn about a code: issued or not, when, what, by which municipality, and the PDF's SHA-256.</summary>
public sealed record VerificationAnswer(string Code, string Title, string Kind, DateTime IssuedAt, string MunicipalityCode, string MunicipalityName, string Sha256);

/// <summary>
/// The authenticity registry (真正性確認): a business module registers each PDF it issues (in its tenant's scope);
/// anyone holding the printed code may ask whether it was issued and whether a PDF is byte-for-byte the one issued.
/// </summary>
public sealed class DocumentAuthenticity(PlatformDbContext db, ITenantScopeAccessor scope, TimeProvider clock)
{
    /// <summary>Reserves nothing: a fresh code to print on the document before it is rendered and registered.</summary>
    public static string NewCode() => VerificationCode.NewCode();

    /// <summary>Records an issued PDF under the code printed on it. Runs in the issuing tenant's scope.</summary>
    public async Task<IssuedDocument> RegisterAsync(string code, string kind, string title, byte[] pdf, CancellationToken ct = default)
    {
        var tenantId = scope.RequireTenant();
        var canonical = VerificationCode.Normalize(code) ?? throw new ArgumentException("Not a verification code.", nameof(code));
        var row = new IssuedDocument
        {
            TenantId = tenantId, Code = canonical, Kind = kind, Title = title,
            IssuedAt = clock.GetUtcNow().UtcDateTime, Sha256 = HashOf(pdf),
        };
        db.IssuedDocuments.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Looks a code up across tenants (the caller is anonymous). Throws a Japanese 404 for unknown or malformed codes.</summary>
    public async Task<VerificationAnswer> VerifyAsync(string? code, CancellationToken ct = default)
    {
        var canonical = VerificationCode.Normalize(code)
            ?? throw new DomainException("verify.code_invalid", "照合番号の形式が正しくありません(16文字、例: 7K3Q-9XWM-2D4F-H8RT)。", "code");
        var row = await FindAsync(canonical, ct)
            ?? throw DomainException.NotFound("verify.not_found", "この照合番号の交付記録は見つかりません。番号を確かめてください。");
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == row.TenantId, ct);
        return new VerificationAnswer(VerificationCode.Format(row.Code), row.Title, row.Kind, row.IssuedAt, tenant.Code, tenant.Name, row.Sha256);
    }

    /// <summary>Whether a PDF is exactly the one issued under the code (any changed byte breaks the match).</summary>
    public async Task<(VerificationAnswer Answer, bool Matches)> CheckAsync(string? code, byte[] pdf, CancellationToken ct = default)
    {
        var answer = await VerifyAsync(code, ct);
        return (answer, CryptographicOperations.FixedTimeEquals(Convert.FromHexString(answer.Sha256), SHA256.HashData(pdf)));
    }

    public static string HashOf(byte[] pdf) => Convert.ToHexStringLower(SHA256.HashData(pdf));

    // The row belongs to some tenant while the caller has none: PostgreSQL answers through a SECURITY DEFINER function
    // that returns the one row with this exact code (row-level security stays on for everything else); SQLite has no RLS.
    private Task<IssuedDocument?> FindAsync(string code, CancellationToken ct) =>
        (db.Database.IsNpgsql()
            ? db.IssuedDocuments.FromSql($"SELECT * FROM jichitai_find_issued_document({code})")
            : db.IssuedDocuments.Where(d => d.Code == code))
        .IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(ct);
}
