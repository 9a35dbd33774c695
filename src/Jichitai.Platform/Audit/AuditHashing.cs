using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jichitai.Platform.Audit;

/// <summary>The hash chain: each entry's hash covers its content and the previous entry's hash.</summary>
public static class AuditHashing
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc); // 1 tick = 100 ns; PostgreSQL keeps microseconds.

    public static string Compute(AuditEntry e)
    {
        // Length-prefixed fields: no separator can be forged by putting it inside a value.
        var sb = new StringBuilder("v1");
        void Add(string? v) => sb.Append('|').Append(v is null ? "-1" : v.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(v);
        Add(e.ChainId.ToString(CultureInfo.InvariantCulture));
        Add(e.Seq.ToString(CultureInfo.InvariantCulture));
        Add(e.At.Ticks.ToString(CultureInfo.InvariantCulture));
        Add(e.TenantId?.ToString(CultureInfo.InvariantCulture));
        Add(e.ActorId?.ToString("N"));
        Add(e.ActorName);
        Add(e.Action);
        Add(((int)e.Outcome).ToString(CultureInfo.InvariantCulture));
        Add(e.TargetType);
        Add(e.TargetId);
        Add(e.SubjectId);
        Add(e.Reason);
        Add(e.ClientAddress);
        Add(e.Detail);
        Add(e.PrevHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
