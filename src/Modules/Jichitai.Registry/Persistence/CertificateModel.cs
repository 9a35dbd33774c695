using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Persistence;

/// <summary>Tables of 証明書交付: 交付履歴 with its 交付対象者, and the 加害者 of 支援措置.</summary>
internal static class CertificateModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<CertificateIssueRow>(e =>
        {
            e.ToTable("registry_certificate_issues");
            e.Property(x => x.IssueNumber).HasMaxLength(200);
            e.Property(x => x.RequesterName).HasMaxLength(200);
            e.Property(x => x.RequesterAddress).HasMaxLength(300);
            e.Property(x => x.RequesterRelation).HasMaxLength(50);
            e.Property(x => x.IdentityDocument).HasMaxLength(100);
            e.Property(x => x.Purpose).HasMaxLength(500);
            e.Property(x => x.Agency).HasMaxLength(200);
            e.Property(x => x.IssuedByName).HasMaxLength(100);
            e.Property(x => x.IssuedLocation).HasMaxLength(150);
            e.Property(x => x.IssuedTerminal).HasMaxLength(100);
            e.Property(x => x.ClientAddress).HasMaxLength(64);
            e.Property(x => x.VerificationCode).HasMaxLength(16);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.AcknowledgedNotices).HasMaxLength(2000);
            e.Property(x => x.ExceptionReason).HasMaxLength(500);
            e.Property(x => x.ExceptionBy).HasMaxLength(100);
            e.Property(x => x.DisposedBy).HasMaxLength(100);
            e.Property(x => x.DisposeReason).HasMaxLength(500);
            e.HasIndex(x => new { x.TenantId, x.IssueNumber }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.IssuedAt });
            e.HasIndex(x => new { x.TenantId, x.VerificationCode }).IsUnique();
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.Property(x => x.VerifyBaseUrl).HasMaxLength(300);
            e.HasIndex(x => new { x.TenantId, x.IdempotencyKey }).IsUnique();
            e.HasMany(x => x.Subjects).WithOne().HasForeignKey(s => s.IssueId);
        });
        b.Entity<CertificateSubjectRow>(e =>
        {
            e.ToTable("registry_certificate_subjects");
            e.Property(x => x.AddresseeNumber).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.ResidentId, x.IssueId });
        });
        b.Entity<RestrictionOffenderRow>(e =>
        {
            e.ToTable("registry_restriction_offenders");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.NameKey).HasMaxLength(200);
            e.Property(x => x.Kana).HasMaxLength(200);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.RestrictionId });
            e.HasIndex(x => new { x.TenantId, x.NameKey });
        });
    }
}
