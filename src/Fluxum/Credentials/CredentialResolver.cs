using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Text.Json;
using Fluxum.Credentials;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Commands.Credentials;

/// <summary>
/// Finds the API key and secret for an exchange, in order: -Credential, the session's Connect-FxExchange,
/// a SecretManagement secret (Get-Secret, only when installed), then environment variables. Runs on the
/// pipeline thread (SecretManagement's runspace is not thread-safe). Nothing it reports contains a secret.
/// </summary>
internal static class CredentialResolver
{
    /// <summary>Fluxum.&lt;ExchangeId&gt; for the unnamed account, Fluxum.&lt;ExchangeId&gt;.&lt;Account&gt; for a named one.</summary>
    public static string DefaultSecretName(ExchangeId exchange, string? account = null) =>
        account is null ? $"Fluxum.{exchange}" : $"Fluxum.{exchange}.{account}";

    public static string EnvironmentPrefix(ExchangeId exchange, TradingEnvironment environment) =>
        Commands.Loading.EngineHost.Engine.Exchanges.First(e => e.Exchange == exchange).Family.ToUpperInvariant()
        + (environment == TradingEnvironment.Testnet ? "_TESTNET" : "");

    /// <summary>
    /// The credentials of <paramref name="account"/> (null: the unnamed account). Environment variables serve only
    /// the unnamed account: a named one that resolves nowhere else is an error, never another account's keys.
    /// </summary>
    public static ExchangeCredential Resolve(PSCmdlet cmdlet, ExchangeId exchange, TradingEnvironment environment, string? account,
        PSCredential? credential, string? secretName, string? vault)
    {
        if (credential is not null)
        {
            return Create(exchange, account, credential.UserName, credential.GetNetworkCredential().Password, "-Credential");
        }

        if (secretName is null && vault is null && SessionCredentials.Get(exchange, environment, account) is { } connected) return connected;

        var name = secretName ?? DefaultSecretName(exchange, account);
        var secretManagement = cmdlet.InvokeCommand.GetCommand("Get-Secret", CommandTypes.Cmdlet | CommandTypes.Function) is not null;
        if (secretManagement && ReadSecret(cmdlet, exchange, account, name, vault) is { } fromVault) return fromVault;
        if (secretName is not null || vault is not null)
        {
            throw new FxException("Fluxum.SecretNotFound", FxErrorKind.ObjectNotFound,
                secretManagement
                    ? $"No secret named '{name}'{(vault is null ? "" : $" in vault '{vault}'")} was found for {exchange}."
                    : $"-SecretName and -Vault need the Microsoft.PowerShell.SecretManagement module, which is not installed.",
                exchange)
            {
                RecommendedAction = secretManagement
                    ? $"Store it with: Set-Secret -Name {name} -Secret (Get-Credential -UserName <api key>)"
                    : "Install-Module Microsoft.PowerShell.SecretManagement, Microsoft.PowerShell.SecretStore; or pass -Credential.",
            };
        }

        var prefix = EnvironmentPrefix(exchange, environment);
        var where = $"{exchange}{(environment == TradingEnvironment.Testnet ? " testnet" : "")}";
        if (account is not null)
        {
            throw new FxException("Fluxum.NoCredentials", FxErrorKind.AuthenticationError,
                $"No API credentials for the {where} account '{account}'. Provide them in one of two ways: " +
                $"Connect-FxExchange -Exchange {exchange} -Account {account} -Credential (user name = API key, password = secret); " +
                $"or a SecretManagement secret named '{name}' (a PSCredential, or a hashtable with ApiKey and ApiSecret){(secretManagement ? "" : " - SecretManagement is not installed")}. " +
                $"The environment variables {prefix}_API_KEY and {prefix}_API_SECRET serve only the unnamed account.",
                exchange)
            {
                RecommendedAction = $"Connect-FxExchange -Exchange {exchange} -Account {account} -Credential (Get-Credential -UserName <api key>)",
            };
        }

        var key = Environment.GetEnvironmentVariable(prefix + "_API_KEY");
        var secret = Environment.GetEnvironmentVariable(prefix + "_API_SECRET");
        if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(secret))
        {
            return Create(exchange, null, key, secret, $"environment {prefix}_API_KEY");
        }

        throw new FxException("Fluxum.NoCredentials", FxErrorKind.AuthenticationError,
            $"No API credentials for {where}. Provide them in one of three ways: " +
            $"-Credential (user name = API key, password = secret); a SecretManagement secret named '{name}' (a PSCredential, or a hashtable with ApiKey and ApiSecret){(secretManagement ? "" : " - SecretManagement is not installed")}; " +
            $"or the environment variables {prefix}_API_KEY and {prefix}_API_SECRET.",
            exchange)
        {
            RecommendedAction = $"Connect-FxExchange -Exchange {exchange} -Credential (Get-Credential -UserName <api key>)",
        };
    }

    private static ExchangeCredential? ReadSecret(PSCmdlet cmdlet, ExchangeId exchange, string? account, string name, string? vault)
    {
        using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
        ps.AddCommand("Get-Secret").AddParameter("Name", name).AddParameter("ErrorAction", "Stop");
        if (vault is not null) ps.AddParameter("Vault", vault);
        object? value;
        try
        {
            value = ps.Invoke().FirstOrDefault()?.BaseObject;
        }
        catch (RuntimeException e) when (e.ErrorRecord?.CategoryInfo.Category == ErrorCategory.ObjectNotFound || e is ItemNotFoundException)
        {
            return null;
        }
        catch (RuntimeException e)
        {
            // A locked vault in a non-interactive script is the common case; say what to do, not the vault's internals.
            throw new FxException("Fluxum.VaultUnavailable", FxErrorKind.AuthenticationError,
                $"The secret '{name}' for {exchange} could not be read: {e.ErrorRecord?.Exception?.Message ?? e.Message}", exchange)
            {
                RecommendedAction = "Unlock the vault first (Unlock-SecretStore), or for a service account configure it with Set-SecretStoreConfiguration -Authentication None -Interaction None.",
            };
        }

        if (value is null) return null;
        var source = $"SecretManagement secret '{name}'";
        switch (value)
        {
            case PSCredential c:
                return Create(exchange, account, c.UserName, c.GetNetworkCredential().Password, source);
            case Hashtable h:
                var key = Text(Field(h, "ApiKey", "Key", "UserName"));
                var secret = Text(Field(h, "ApiSecret", "Secret", "PrivateKey", "Password"));
                if (key is null || secret is null) throw Unusable(exchange, name, "a hashtable without ApiKey and ApiSecret");
                return Create(exchange, account, key, secret, source);
            case string or SecureString:
                return FromJson(exchange, account, name, Text(value)!, source);
            default:
                throw Unusable(exchange, name, $"a {value.GetType().Name}");
        }
    }

    /// <summary>A string secret holding {"ApiKey":"...","ApiSecret":"..."}.</summary>
    private static ExchangeCredential FromJson(ExchangeId exchange, string? account, string name, string json, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            string? Get(params string[] names) =>
                names.Select(n => root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase)))
                    .FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.String).Value.GetString();
            var key = Get("ApiKey", "Key");
            var secret = Get("ApiSecret", "Secret", "PrivateKey");
            if (key is null || secret is null) throw Unusable(exchange, name, "a JSON text without ApiKey and ApiSecret");
            return Create(exchange, account, key, secret, source);
        }
        catch (JsonException)
        {
            throw Unusable(exchange, name, "a text that is not the JSON {\"ApiKey\":...,\"ApiSecret\":...}");
        }
    }

    private static object? Field(Hashtable h, params string[] names) =>
        names.Select(n => h.Keys.Cast<object>().FirstOrDefault(k => string.Equals(k?.ToString(), n, StringComparison.OrdinalIgnoreCase)))
            .Where(k => k is not null).Select(k => h[k!]).FirstOrDefault();

    private static string? Text(object? value) => value switch
    {
        PSObject p => Text(p.BaseObject),
        SecureString s => new NetworkCredential("", s).Password,
        string s => s,
        _ => null,
    };

    private static ExchangeCredential Create(ExchangeId exchange, string? account, string key, string secret, string source)
    {
        try
        {
            return new ExchangeCredential(exchange, key, secret, source) { Account = account };
        }
        catch (ArgumentException e)
        {
            throw new FxException("Fluxum.IncompleteCredentials", FxErrorKind.AuthenticationError, $"The credentials from {source} are incomplete: {e.Message}", exchange);
        }
    }

    private static FxException Unusable(ExchangeId exchange, string name, string what) =>
        new("Fluxum.UnusableSecret", FxErrorKind.InvalidData,
            $"The secret '{name}' for {exchange} is {what}; Fluxum needs a PSCredential (user name = API key, password = secret), a hashtable with ApiKey and ApiSecret, or that as JSON.",
            exchange);
}
