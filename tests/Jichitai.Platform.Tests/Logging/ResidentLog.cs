using Jichitai.Platform.Logging;
using Microsoft.Extensions.Logging;

namespace Jichitai.Platform.Tests.Logging;

/// <summary>[LoggerMessage] methods as application code would write them; compiled by the Microsoft.Extensions.Telemetry generator.</summary>
internal static partial class ResidentLog
{
    /// <summary>The classified parameter has a neutral name, so only the Microsoft redaction pipeline can remove it.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "照会対象 {subject} を確認しました (tenant {tenantCode})")]
    public static partial void SubjectChecked(ILogger logger, [PersonalData] string subject, string tenantCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resident {residentName} registered in {rows} rows")]
    public static partial void ResidentRegistered(ILogger logger, [PersonalData] string residentName, int rows);

    /// <summary>Not classified: only the safety net stands between these values and the providers.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "Lookup by {lookupKey} for {kana} failed")]
    public static partial void LookupFailed(ILogger logger, string lookupKey, string kana);
}
