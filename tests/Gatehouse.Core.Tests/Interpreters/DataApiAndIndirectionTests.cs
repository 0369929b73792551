using Gatehouse.Core.Catalog;
using Gatehouse.Core.Interpreters;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Interpreters;

/// <summary>ORM/SDK destruction, loop targets, and calls reached through strings (send, variable functions, built module names).</summary>
public sealed class DataApiAndIndirectionTests
{
    [Theory]
    [InlineData(EmbeddedLanguage.Python, "from app.models import Order; Order.objects.all().delete()", "python.orm.delete-all", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "Order.objects.delete()", "python.orm.delete-all", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "Order.objects.filter(status='old').delete()", "python.orm.delete-rows", Risk.High)]
    [InlineData(EmbeddedLanguage.Python, "session.query(User).delete()", "python.orm.delete-all", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "session.query(User).filter(User.id == 3).delete()", "python.orm.delete-rows", Risk.High)]
    [InlineData(EmbeddedLanguage.Python, "import boto3; boto3.resource('s3').Bucket('acme-prod').objects.all().delete()", "python.sdk.empty-bucket", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "s3.Bucket('b').objects.filter(Prefix='tmp/').delete()", "python.sdk.delete-objects", Risk.High)]
    [InlineData(EmbeddedLanguage.Python, "boto3.client('s3').delete_bucket(Bucket='logs')", "python.sdk.delete", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "rds.delete_db_instance(DBInstanceIdentifier='db', SkipFinalSnapshot=True)", "python.sdk.delete", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "rds.delete_db_instance(DBInstanceIdentifier='db')", "python.sdk.delete", Risk.High)]
    [InlineData(EmbeddedLanguage.Python, "import redis; redis.Redis(host='cache.prod').flushall()", "python.redis.flush", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "r.flushdb()", "python.redis.flush", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Ruby, "User.delete_all", "ruby.orm.delete-all", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Ruby, "User.all.destroy_all", "ruby.orm.delete-all", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Ruby, "User.where(active: false).delete_all", "ruby.orm.delete-rows", Risk.High)]
    [InlineData(EmbeddedLanguage.Ruby, "User.find(42).destroy", "ruby.orm.delete-row", Risk.High)]
    [InlineData(EmbeddedLanguage.JavaScript, "await prisma.user.deleteMany()", "node.orm.delete-all", Risk.Critical)]
    [InlineData(EmbeddedLanguage.JavaScript, "await prisma.user.deleteMany({})", "node.orm.delete-all", Risk.Critical)]
    [InlineData(EmbeddedLanguage.JavaScript, "await prisma.user.deleteMany({ where: { active: false } })", "node.orm.delete-rows", Risk.High)]
    [InlineData(EmbeddedLanguage.JavaScript, "await prisma.user.delete({ where: { id: 1 } })", "node.orm.delete-row", Risk.High)]
    [InlineData(EmbeddedLanguage.JavaScript, "await User.deleteMany({})", "node.orm.delete-all", Risk.Critical)]
    [InlineData(EmbeddedLanguage.JavaScript, "await User.destroy({ where: {} })", "node.orm.delete-all", Risk.Critical)]
    [InlineData(EmbeddedLanguage.JavaScript, "await User.destroy({ truncate: true })", "node.orm.delete-all", Risk.Critical)]
    [InlineData(EmbeddedLanguage.JavaScript, "await User.destroy({ where: { id: 7 } })", "node.orm.delete-rows", Risk.High)]
    [InlineData(EmbeddedLanguage.JavaScript, "await sequelize.sync({ force: true })", "node.orm.drop", Risk.Critical)]
    public void Scan_OrmOrSdkDestruction_IsJudgedByScope(EmbeddedLanguage language, string code, string rule, Risk risk)
    {
        var result = InterpreterScanner.Scan(language, code);
        var action = result.Actions.ShouldHaveSingleItem(result.Describe());
        action.RuleId.ShouldBe(rule);
        action.Risk.ShouldBe(risk);
        action.Verb.ShouldBe(Verb.Delete);
    }

    [Theory]
    [InlineData(EmbeddedLanguage.Python, "import json; json.dumps({}).strip()")]
    [InlineData(EmbeddedLanguage.Python, "d = {}; d.get('a'); items.filter(x).delete")]
    [InlineData(EmbeddedLanguage.JavaScript, "const m = new Map(); m.delete('k')")]
    [InlineData(EmbeddedLanguage.Ruby, "User.where(id: 1).first")]
    public void Scan_OrdinaryMethodNames_AreNotDestruction(EmbeddedLanguage language, string code) =>
        InterpreterScanner.Scan(language, code).Actions.ShouldBeEmpty();

    [Theory]
    [InlineData(EmbeddedLanguage.Python, "import os; [os.remove(os.path.join(r, f)) for r, _, fs in os.walk('/var/lib/app') for f in fs]", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "import pathlib; [p.unlink() for p in pathlib.Path.home().rglob('*') if p.is_file()]", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "import glob, os\nfor f in glob.glob('/var/backups/*'):\n    os.remove(f)", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "import glob, os\nfor f in glob.glob('**/*.pyc', recursive=True):\n    os.remove(f)", Risk.Low)]
    [InlineData(EmbeddedLanguage.Python, "from pathlib import Path\nfor p in Path('build').iterdir():\n    p.unlink()", Risk.Low)]
    [InlineData(EmbeddedLanguage.Perl, "unlink glob \"/var/backups/*.tar.gz\"", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Perl, "for my $f (glob '/srv/app/*') { unlink $f }", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Php, "foreach (glob('/var/www/*') as $f) { unlink($f); }", Risk.Critical)]
    [InlineData(EmbeddedLanguage.JavaScript, "const fs = require('fs'); for (const f of fs.readdirSync('/srv')) fs.unlinkSync(f)", Risk.High)]
    public void Scan_DeletionInsideLoop_IsJudgedByWhereTheLoopWalks(EmbeddedLanguage language, string code, Risk risk) =>
        InterpreterScanner.Scan(language, code).MaxRisk().ShouldBe(risk, InterpreterScanner.Scan(language, code).Describe());

    [Theory]
    [InlineData(EmbeddedLanguage.Python, "import importlib; importlib.import_module('shutil').rmtree('/srv')")]
    [InlineData(EmbeddedLanguage.Python, "__import__('shutil').rmtree('/srv')")]
    [InlineData(EmbeddedLanguage.Python, "import shutil; shutil.rmtree('/home/ubuntu')")]
    [InlineData(EmbeddedLanguage.JavaScript, "require('fs').rmSync('/opt/data', { recursive: true })")]
    [InlineData(EmbeddedLanguage.Ruby, "require 'fileutils'; FileUtils.rm_rf('/srv/app')")]
    [InlineData(EmbeddedLanguage.Python, "import shutil, os; shutil.rmtree(os.path.expanduser('~/projects'))")]
    public void Scan_DeletionOutsideWorkspace_IsCritical(EmbeddedLanguage language, string code) =>
        InterpreterScanner.Scan(language, code).MaxRisk().ShouldBe(Risk.Critical);

    [Theory]
    [InlineData(EmbeddedLanguage.JavaScript, "const cp = require('child_' + 'process'); cp.spawnSync('dropdb', ['app'])", "dropdb app")]
    [InlineData(EmbeddedLanguage.JavaScript, "require('child_process').execSync('rm -rf ~/projects')", "rm -rf ~/projects")]
    [InlineData(EmbeddedLanguage.Ruby, "Kernel.send(:system, \"rm -rf /srv\")", "rm -rf /srv")]
    [InlineData(EmbeddedLanguage.Ruby, "Kernel.public_send(:exec, 'git', 'reset', '--hard')", "git reset --hard")]
    [InlineData(EmbeddedLanguage.Perl, "system qw(rm -rf), $ENV{HOME}", "rm -rf ~")]
    [InlineData(EmbeddedLanguage.Php, "$f=\"sys\".\"tem\"; $f(\"rm -rf ~\");", "rm -rf ~")]
    public void Scan_IndirectCommand_ReturnsTheShellCommand(EmbeddedLanguage language, string code, string command) =>
        InterpreterScanner.Scan(language, code).ShellCommands.ShouldContain(command);

    [Theory]
    [InlineData(EmbeddedLanguage.Ruby, "Kernel.send(name, 'x')")]
    public void Scan_IndirectCallWithComputedName_IsOpaque(EmbeddedLanguage language, string code) =>
        InterpreterScanner.Scan(language, code).Actions.ShouldContain(a => a.Tags.Contains(Tags.Opaque) && a.Risk == Risk.High);

    [Fact]
    public void Scan_SqlThroughCursorChain_ReachesSqlTexts() =>
        InterpreterScanner.Scan(EmbeddedLanguage.Python, "import psycopg2; c=psycopg2.connect(dsn); c.cursor().execute('DROP TABLE users'); c.commit()")
            .SqlTexts.ShouldContain("DROP TABLE users");
}
