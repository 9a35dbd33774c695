using Microsoft.AspNetCore.Identity;

namespace Jichitai.Platform.Identity;

/// <summary>A staff account (職員). Belongs to exactly one tenant; operator accounts belong to none.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public int? TenantId { get; set; }
    public string DisplayName { get; set; } = "";
    /// <summary>True once the staff member proved possession of the authenticator (first TOTP sign-in).</summary>
    public bool TotpConfirmed { get; set; }
    /// <summary>Demo accounts only: the CLI may print their current TOTP code.</summary>
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class StaffRoleEntity : IdentityRole<Guid>;
