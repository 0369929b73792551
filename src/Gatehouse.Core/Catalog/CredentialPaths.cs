
namespace Gatehouse.Core.Catalog;

/// <summary>
/// Recognizes files (and the few directories) that hold secrets, so reading them can be told apart
/// from reading source code. Matching is by name and by location relative to the home directory.
/// </summary>
internal static class CredentialPaths
{
    private static readonly HashSet<string> SecretFileNames = new(
        [
            ".env", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk", ".netrc", "_netrc",
            ".pgpass", ".npmrc", ".pypirc", ".git-credentials", ".dockercfg", ".htpasswd", "terraform.tfstate",
            "terraform.tfstate.backup", "credentials.json", "service-account.json", "shadow", "gshadow",
            ".my.cnf", ".boto", "kubeconfig", ".vault-token", "credentials.yml.enc", "wp-config.php", ".vault_pass",
            ".vault-password", "master.key", "credentials.toml", "secrets.yml", "secrets.yaml", "secrets.json",
            ".s3cfg", ".mylogin.cnf", ".terraformrc", ".databrickscfg", ".sentryclirc", "rclone.conf", "auth.json",
            ".bash_history", ".zsh_history", ".psql_history", ".mysql_history", "admin.conf", "k3s.yaml", "debian.cnf",
            "gitlab-secrets.json", "vault_pass.txt", ".vault_pass.txt", "logins.json", "login.keyring", ".credentials.json",
            "ssh_host_rsa_key", "ssh_host_ecdsa_key", "ssh_host_ed25519_key",
        ],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> EnvironmentTemplates = new(
        [".env.example", ".env.sample", ".env.template", ".env.dist", ".env.defaults", ".env.schema"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly string[] SecretExtensions = [".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".tfstate", ".ppk", ".asc"];

    /// <summary>Home-relative locations (after <c>~/</c>) that are secrets themselves or directories of secrets.</summary>
    private static readonly string[] HomeSecretPrefixes =
    [
        ".aws/credentials", ".aws/config", ".aws", ".ssh/id_", ".ssh", ".kube/config", ".kube", ".docker/config.json",
        ".config/gcloud", ".azure", ".railway/config.json", ".railway", ".fly/config.yml", ".fly", ".config/heroku",
        ".netlify", ".config/netlify", ".vercel", ".local/share/com.vercel.cli", ".supabase", ".config/supabase",
        ".config/gh/hosts.yml", ".gnupg", ".password-store", ".terraform.d/credentials.tfrc.json", ".config/doctl",
        ".oci", ".config/op", ".config/railway", ".dbt/profiles.yml", ".cargo/credentials", ".gem/credentials",
        ".config/pypoetry/auth.toml", ".nuget/NuGet/NuGet.Config", ".m2/settings.xml", ".gradle/gradle.properties",
        ".config/hub", ".config/glab-cli", ".snowsql", ".config/hcloud", ".cf/config.json", ".bluemix", ".wrangler",
        ".config/configstore/firebase-tools.json", ".config/stripe", ".ngrok2", ".config/ngrok", ".circleci/cli.yml",
        ".yarnrc.yml", ".config/git/credentials", ".claude/.credentials.json", ".codex/auth.json", ".ansible/vault_pass",
    ];

    public static bool IsCredential(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        var name = slash < 0 ? trimmed : trimmed[(slash + 1)..];
        if (IsSecretFileName(name) || IsProcessEnvironment(trimmed, name)
            || trimmed.StartsWith("/var/run/secrets/", StringComparison.Ordinal) || trimmed.StartsWith("/run/secrets/", StringComparison.Ordinal))
        {
            // Kubernetes service-account tokens and Docker/compose secrets are mounted there.
            return true;
        }

        var homeRelative = HomeRelative(trimmed);
        if (homeRelative is null)
        {
            return false;
        }

        foreach (var prefix in HomeSecretPrefixes)
        {
            if (homeRelative.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (homeRelative.Length == prefix.Length || homeRelative[prefix.Length] == '/' || prefix.EndsWith('_'))
                && !homeRelative.EndsWith(".pub", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>/proc/self/environ</c>, <c>/proc/1/environ</c>, <c>/proc/*/environ</c>: a process's environment, where tokens live.</summary>
    private static bool IsProcessEnvironment(string path, string name) =>
        string.Equals(name, "environ", StringComparison.Ordinal) && path.StartsWith("/proc/", StringComparison.Ordinal);

    private static bool IsSecretFileName(string name)
    {
        if (SecretFileNames.Contains(name))
        {
            return true;
        }

        if (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase))
        {
            // .env.local, .env.production, and globs like .env* that would include .env itself.
            return !EnvironmentTemplates.Contains(name)
                && (name.Length == 4 || name[4] is '.' or '*');
        }

        if (name.EndsWith(".env", StringComparison.OrdinalIgnoreCase) && name.Length > 4)
        {
            return true;
        }

        if (name.StartsWith("secrets.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("secret.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var extension in SecretExtensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The part after the home directory for <c>~/x</c>, <c>$HOME/x</c>, <c>/home/u/x</c>, <c>/root/x</c>, <c>/Users/u/x</c>.</summary>
    private static string? HomeRelative(string path)
    {
        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            return path[2..];
        }

        if (path.StartsWith("$HOME/", StringComparison.Ordinal))
        {
            return path[6..];
        }

        if (path.StartsWith("${HOME}/", StringComparison.Ordinal))
        {
            return path[8..];
        }

        if (path.StartsWith("/root/", StringComparison.Ordinal))
        {
            return path[6..];
        }

        foreach (var root in (ReadOnlySpan<string>)["/home/", "/Users/"])
        {
            if (path.StartsWith(root, StringComparison.Ordinal))
            {
                var userEnd = path.IndexOf('/', root.Length);
                return userEnd < 0 ? null : path[(userEnd + 1)..];
            }
        }

        return null;
    }
}
