using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Persistence;

/// <summary>Tables of the record-level functions: 統合記載欄, 事実上の世帯主, 入力場所・入力端末.</summary>
internal static class RecordModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<RecordEntryRow>(e =>
        {
            e.ToTable("registry_record_entries");
            e.Property(x => x.Item).HasMaxLength(50);
            e.Property(x => x.Text).HasMaxLength(1000);
            e.Property(x => x.WrittenByName).HasMaxLength(100);
            e.Property(x => x.DeletedByName).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.ResidentId });
            e.HasIndex(x => new { x.TenantId, x.DeFactoHeadId });
        });
        b.Entity<DeFactoHeadRow>(e =>
        {
            e.ToTable("registry_de_facto_heads");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.EndReason).HasMaxLength(200);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.Property(x => x.EndedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.HouseholdId });
        });
        b.Entity<InputLocationRow>(e =>
        {
            e.ToTable("registry_input_locations");
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Ward).HasMaxLength(50);
            e.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
        });
        b.Entity<InputTerminalRow>(e =>
        {
            e.ToTable("registry_input_terminals");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.ClientAddress).HasMaxLength(64);
            e.HasIndex(x => new { x.TenantId, x.ClientAddress });
            e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
        });
    }
}
