using System.Data.Common;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Jichitai.Platform.Persistence;

/// <summary>
/// On PostgreSQL, every connection a scoped context opens switches to the restricted application role
/// and records the tenant in <c>app.tenant_id</c>, which the row-level-security policies read.
/// Npgsql resets the session (DISCARD ALL) when a connection returns to the pool, so the setting
/// lives exactly as long as this context's use of the connection. System scope keeps the login role.
/// </summary>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not NpgsqlConnection) return;
        using var command = CreateCommand(connection, eventData);
        command?.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is not NpgsqlConnection) return;
        await using var command = CreateCommand(connection, eventData);
        if (command is not null) await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand? CreateCommand(DbConnection connection, ConnectionEventData eventData)
    {
        if (eventData.Context is not IScopedDbContext scoped) return null;
        var current = scoped.Scope;
        if (current.IsSystem) return null;
        var command = connection.CreateCommand();
        // None scope gets an impossible key so that every policy compares false (fail closed).
        var key = current.IsolationKey.ToString(System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = $"SET ROLE {TenantIsolation.ApplicationRole}; SELECT set_config('{TenantIsolation.SessionSetting}', @key, false);";
        var p = command.CreateParameter();
        p.ParameterName = "key";
        p.Value = key;
        command.Parameters.Add(p);
        return command;
    }
}
