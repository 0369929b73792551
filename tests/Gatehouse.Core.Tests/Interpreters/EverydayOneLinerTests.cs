using Gatehouse.Core.Catalog;
using Gatehouse.Core.Interpreters;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Interpreters;

/// <summary>One-liners developers run every day must not produce anything that would stop them.</summary>
public sealed class EverydayOneLinerTests
{
    [Theory]
    [InlineData(EmbeddedLanguage.Python, "import sys; print(sys.path)")]
    [InlineData(EmbeddedLanguage.Python, "import json,sys; print(json.load(sys.stdin)['version'])")]
    [InlineData(EmbeddedLanguage.Python, "import secrets; print(secrets.token_hex(16))")]
    [InlineData(EmbeddedLanguage.Python, "import os; print(os.cpu_count())")]
    [InlineData(EmbeddedLanguage.Python, "import shutil; shutil.copytree('src', 'backup')")]
    [InlineData(EmbeddedLanguage.Python, "import uuid; print(uuid.uuid4())")]
    [InlineData(EmbeddedLanguage.Python, "import yaml, sys; yaml.safe_load(open('config.yml'))")]
    [InlineData(EmbeddedLanguage.Python, "import django; print(django.get_version())")]
    [InlineData(EmbeddedLanguage.Python, "from datetime import datetime as d; print(d.now().isoformat())")]
    [InlineData(EmbeddedLanguage.Python, "import base64; print(base64.b64encode(b'hello').decode())")]
    [InlineData(EmbeddedLanguage.Python, "print(sum(int(l) for l in open('nums.txt')))")]
    [InlineData(EmbeddedLanguage.Python, "import hashlib; print(hashlib.sha256(open('f.bin','rb').read()).hexdigest())")]
    [InlineData(EmbeddedLanguage.JavaScript, "console.log(require('./package.json').version)")]
    [InlineData(EmbeddedLanguage.JavaScript, "console.log(process.platform, process.arch)")]
    [InlineData(EmbeddedLanguage.JavaScript, "console.log(require('crypto').randomUUID())")]
    [InlineData(EmbeddedLanguage.JavaScript, "const p = require('./package.json'); console.log(Object.keys(p.dependencies || {}).join('\\n'))")]
    [InlineData(EmbeddedLanguage.JavaScript, "require('fs').mkdirSync('dist', {recursive: true})")]
    [InlineData(EmbeddedLanguage.JavaScript, "console.log(JSON.stringify(require('./tsconfig.json'), null, 2))")]
    [InlineData(EmbeddedLanguage.JavaScript, "console.log(new Date().toISOString())")]
    [InlineData(EmbeddedLanguage.Ruby, "puts RUBY_VERSION")]
    [InlineData(EmbeddedLanguage.Ruby, "require 'json'; puts JSON.parse(File.read('package.json'))['name']")]
    [InlineData(EmbeddedLanguage.Ruby, "require 'securerandom'; puts SecureRandom.hex(32)")]
    [InlineData(EmbeddedLanguage.Ruby, "puts Gem::Version.new('1.2.3') > Gem::Version.new('1.2')")]
    [InlineData(EmbeddedLanguage.Perl, "s/foo/bar/g")]
    [InlineData(EmbeddedLanguage.Perl, "print if /ERROR/")]
    [InlineData(EmbeddedLanguage.Perl, "s/\\r$//")]
    [InlineData(EmbeddedLanguage.Perl, "print $F[1]")]
    [InlineData(EmbeddedLanguage.Perl, "print \"-\" x 40, \"\\n\"")]
    [InlineData(EmbeddedLanguage.Perl, "my %h; $h{s} = 1; $h{q} = 2; print keys %h")]
    [InlineData(EmbeddedLanguage.Perl, "print -s 'file.txt'")]
    [InlineData(EmbeddedLanguage.Perl, "use JSON; print decode_json(<STDIN>)->{name}")]
    [InlineData(EmbeddedLanguage.Perl, "y/a-z/A-Z/")]
    [InlineData(EmbeddedLanguage.Php, "echo phpversion();")]
    [InlineData(EmbeddedLanguage.Php, "echo json_encode(['ok' => true]);")]
    [InlineData(EmbeddedLanguage.Php, "var_dump(extension_loaded('pdo'));")]
    [InlineData(EmbeddedLanguage.Php, "echo password_hash('secret', PASSWORD_DEFAULT);")]
    public void Scan_EverydayOneLiner_FindsNothing(EmbeddedLanguage language, string code)
    {
        var result = InterpreterScanner.Scan(language, code);
        result.Describe().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(EmbeddedLanguage.Python, "import subprocess; print(subprocess.check_output(['git', 'rev-parse', 'HEAD']).decode())", "git rev-parse HEAD")]
    [InlineData(EmbeddedLanguage.JavaScript, "console.log(require('child_process').execSync('git describe --tags').toString())", "git describe --tags")]
    [InlineData(EmbeddedLanguage.Ruby, "puts `git log -1 --format=%H`", "git log -1 --format=%H")]
    public void Scan_ReadOnlyShellHandoff_IsOnlyPassedOnNotAnAction(EmbeddedLanguage language, string code, string command)
    {
        var result = InterpreterScanner.Scan(language, code);
        result.Actions.ShouldBeEmpty();
        result.ShellCommands.ShouldBe([command]);
    }

    [Fact]
    public void Scan_ListBoundToName_IsUsedAsArgumentVector()
    {
        var result = InterpreterScanner.Scan(EmbeddedLanguage.Python, "import subprocess\ncmd = ['git', 'push', '--force']\nsubprocess.run(cmd)");
        result.ShellCommands.ShouldBe(["git push --force"]);
        result.Actions.ShouldBeEmpty();
    }

    [Fact]
    public void Scan_WorkspaceDeletion_IsLowRisk()
    {
        InterpreterScanner.Scan(EmbeddedLanguage.JavaScript, "require('fs').rmSync('dist', {recursive: true, force: true})").MaxRisk().ShouldBe(Risk.Low);
    }
}
