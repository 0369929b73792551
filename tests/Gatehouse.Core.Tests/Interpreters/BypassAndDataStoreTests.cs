using Gatehouse.Core.Catalog;
using Gatehouse.Core.Interpreters;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Interpreters;

/// <summary>Indirect ways of reaching a dangerous API, and data-store drivers called from scripts.</summary>
public sealed class BypassAndDataStoreTests
{
    [Theory]
    [InlineData(EmbeddedLanguage.Python, "import importlib; importlib.import_module('os').system('rm -rf /')", "rm -rf /")]
    [InlineData(EmbeddedLanguage.Python, "import subprocess; subprocess.run('git reset --hard'.split())", "git reset --hard")]
    [InlineData(EmbeddedLanguage.Python, "import subprocess, shlex; subprocess.run(shlex.split('git clean -fdx'))", "git clean -fdx")]
    [InlineData(EmbeddedLanguage.Python, "import subprocess as s0, sys; m = sys.modules['subprocess']; m.check_output(['dropdb', 'prod'])", "dropdb prod")]
    [InlineData(EmbeddedLanguage.JavaScript, "import('child_process').then(cp => cp.execSync('rm -rf ~'))", "rm -rf ~")]
    [InlineData(EmbeddedLanguage.JavaScript, "const m = process.mainModule.require('child_process'); m.execSync('git push -f')", "git push -f")]
    [InlineData(EmbeddedLanguage.Ruby, "Kernel.send(:system, 'rm -rf /')", "rm -rf /")]
    [InlineData(EmbeddedLanguage.Ruby, "send(:exec, 'dropdb prod')", "dropdb prod")]
    [InlineData(EmbeddedLanguage.Ruby, "o = Object.new; o.instance_eval { x }; Kernel.public_send(:system, 'git reset --hard')", "git reset --hard")]
    [InlineData(EmbeddedLanguage.Php, "$f = 'system'; $f('rm -rf /');", "rm -rf /")]
    [InlineData(EmbeddedLanguage.Php, "$f = 'sys' . 'tem'; $f('git clean -fdx');", "git clean -fdx")]
    public void Scan_IndirectShellCall_IsStillFound(EmbeddedLanguage language, string code, string command)
    {
        var result = InterpreterScanner.Scan(language, code);
        result.ShellCommands.ShouldContain(command, result.Describe());
    }

    [Theory]
    [InlineData(EmbeddedLanguage.Ruby, "FileUtils.send(:rm_rf, '/')", "/")]
    [InlineData(EmbeddedLanguage.JavaScript, "import('fs').then(f => f.rmSync('/srv', {recursive: true}))", "/srv")]
    [InlineData(EmbeddedLanguage.Python, "import shutil as sh2; x = sh2; x.rmtree('/etc')", "/etc")]
    public void Scan_IndirectDeletion_IsStillFound(EmbeddedLanguage language, string code, string id)
    {
        var result = InterpreterScanner.Scan(language, code);
        result.SingleDelete().Target.Id.ShouldBe(id);
    }

    [Theory]
    [InlineData(EmbeddedLanguage.JavaScript, "const cp = require('child_process'); cp[process.argv[2]]('x')")]
    [InlineData(EmbeddedLanguage.Ruby, "Kernel.send(ARGV[0], 'x')")]
    [InlineData(EmbeddedLanguage.Ruby, "send(m, *args)")]
    public void Scan_MemberChosenAtRunTime_IsOpaque(EmbeddedLanguage language, string code)
    {
        InterpreterScanner.Scan(language, code).IsOpaque().ShouldBeTrue();
    }

    [Theory]
    [InlineData(EmbeddedLanguage.JavaScript, "const {MongoClient} = require('mongodb'); const c = new MongoClient(u); await c.db('shop').dropDatabase()", "database", Risk.Critical)]
    [InlineData(EmbeddedLanguage.JavaScript, "await db.collection('users').deleteMany({})", "collection", Risk.Critical)]
    [InlineData(EmbeddedLanguage.JavaScript, "await db.collection('users').deleteMany({inactive: true})", "collection", Risk.High)]
    [InlineData(EmbeddedLanguage.JavaScript, "await db.collection('logs').drop()", "collection", Risk.Critical)]
    [InlineData(EmbeddedLanguage.JavaScript, "await prisma.user.deleteMany()", "collection", Risk.Critical)]
    [InlineData(EmbeddedLanguage.JavaScript, "const redis = new Redis(); await redis.flushall()", "cache", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "import pymongo; pymongo.MongoClient().drop_database('prod')", "database", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "import redis; redis.Redis().flushdb()", "cache", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "db.users.delete_many({})", "collection", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "from app.models import User; User.objects.all().delete()", "table", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "User.objects.filter(active=False).delete()", "table", Risk.High)]
    [InlineData(EmbeddedLanguage.Ruby, "User.delete_all", "table", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Ruby, "Order.where(status: 'old').destroy_all", "table", Risk.High)]
    [InlineData(EmbeddedLanguage.Ruby, "Redis.new.flushall", "cache", Risk.Critical)]
    public void Scan_DataStoreDriverDeletion_IsReported(EmbeddedLanguage language, string code, string kind, Risk risk)
    {
        var result = InterpreterScanner.Scan(language, code);
        var delete = result.SingleDelete();
        delete.Target.Kind.ShouldBe(kind);
        delete.Risk.ShouldBe(risk);
    }

    [Fact]
    public void Scan_DropDatabaseWithName_CarriesTheName()
    {
        InterpreterScanner.Scan(EmbeddedLanguage.Python, "client.drop_database('prod')").SingleDelete().Target.Id.ShouldBe("prod");
    }

    [Theory]
    [InlineData(EmbeddedLanguage.Python, "items = [1, 2]; items.remove(1)")]
    [InlineData(EmbeddedLanguage.JavaScript, "const s = new Set([1]); s.delete(1); [1,2].slice(1)")]
    [InlineData(EmbeddedLanguage.Ruby, "[1, 2, 3].drop(1)")]
    [InlineData(EmbeddedLanguage.Python, "import platform; print(platform.system())")]
    [InlineData(EmbeddedLanguage.Python, "d = {'a': 1}; d.pop('a')")]
    public void Scan_LookalikeMethods_AreNotDataStoreDeletes(EmbeddedLanguage language, string code)
    {
        InterpreterScanner.Scan(language, code).Describe().ShouldBeEmpty();
    }
}

public sealed class LoopBindingTests
{
    [Theory]
    [InlineData(EmbeddedLanguage.Python, "import glob, os\nfor f in glob.glob('*.pyc'):\n    os.remove(f)", "*.pyc", Risk.Low)]
    [InlineData(EmbeddedLanguage.Python, "import glob, os\nfor f in glob.glob('/var/log/*.log'): os.remove(f)", "/var/log/*.log", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Python, "from pathlib import Path\nfor p in Path('build').rglob('*.o'): p.unlink()", "build/**/*.o", Risk.Low)]
    [InlineData(EmbeddedLanguage.Ruby, "Dir['*.log'].each { |f| File.delete(f) }", "*.log", Risk.Low)]
    [InlineData(EmbeddedLanguage.Ruby, "Dir.glob('/etc/*.conf').each do |f| File.delete(f) end", "/etc/*.conf", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Perl, "for my $f (glob('*.tmp')) { unlink $f }", "*.tmp", Risk.Low)]
    [InlineData(EmbeddedLanguage.JavaScript, "const g = require('glob'); g.sync('dist/**/*.map').forEach(f => require('fs').unlinkSync(f))", "dist/**/*.map", Risk.Low)]
    public void Scan_DeletionInLoopOverListing_IsJudgedByThePattern(EmbeddedLanguage language, string code, string id, Risk risk)
    {
        var result = InterpreterScanner.Scan(language, code);
        var delete = result.SingleDelete();
        delete.Target.Id.ShouldBe(id);
        delete.Risk.ShouldBe(risk);
    }

    [Theory]
    [InlineData(EmbeddedLanguage.Python, "import os\nfor f in os.listdir('/'): os.remove(f)")]
    [InlineData(EmbeddedLanguage.Python, "import os\nfor f in 'abc': os.remove(f)")]
    [InlineData(EmbeddedLanguage.Ruby, "ARGV.each { |f| File.delete(f) }")]
    public void Scan_DeletionInLoopOverOtherValues_IsDynamic(EmbeddedLanguage language, string code)
    {
        var delete = InterpreterScanner.Scan(language, code).SingleDelete();
        delete.Risk.ShouldBe(Risk.High);
        delete.HasTag(Tags.DynamicTarget).ShouldBeTrue();
    }
}

public sealed class PermissionChangeTests
{
    [Theory]
    [InlineData(EmbeddedLanguage.Python, "import os; os.chmod('/', 0o777)", "/", Risk.High)]
    [InlineData(EmbeddedLanguage.Python, "import os; os.chmod('script.sh', 0o755)", "script.sh", Risk.Low)]
    [InlineData(EmbeddedLanguage.Python, "import os; os.chown('/etc/shadow', 1000, 1000)", "/etc/shadow", Risk.High)]
    [InlineData(EmbeddedLanguage.JavaScript, "require('fs').chmodSync('/usr/bin/sudo', 0o777)", "/usr/bin/sudo", Risk.High)]
    [InlineData(EmbeddedLanguage.Ruby, "FileUtils.chmod_R(0777, '/')", "/", Risk.Critical)]
    [InlineData(EmbeddedLanguage.Ruby, "FileUtils.chmod('+x', 'bin/setup')", "bin/setup", Risk.Low)]
    [InlineData(EmbeddedLanguage.Perl, "chmod 0777, '/etc/passwd'", "/etc/passwd", Risk.High)]
    [InlineData(EmbeddedLanguage.Php, "chmod('/var/www', 0777);", "/var/www", Risk.High)]
    public void Scan_PermissionChange_IsUpdateJudgedByPath(EmbeddedLanguage language, string code, string id, Risk risk)
    {
        var action = InterpreterScanner.Scan(language, code).Actions.ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Update);
        action.Target.Id.ShouldBe(id);
        action.Risk.ShouldBe(risk);
    }

    [Fact]
    public void Scan_PerlSystemWithProgramBlock_ReportsArgumentVector()
    {
        InterpreterScanner.Scan(EmbeddedLanguage.Perl, "system { 'rm' } 'rm', '-rf', '/srv';").ShellCommands.ShouldContain("rm -rf /srv");
    }
}

public sealed class MoveTests
{
    [Theory]
    [InlineData(EmbeddedLanguage.Python, "import shutil; shutil.move('/etc', '/tmp/etc')", "/etc", Risk.High)]
    [InlineData(EmbeddedLanguage.Python, "import os; os.rename(os.path.expanduser('~'), '/tmp/h')", "~", Risk.High)]
    [InlineData(EmbeddedLanguage.JavaScript, "require('fs').renameSync('/srv/data', '/srv/old')", "/srv/data", Risk.High)]
    [InlineData(EmbeddedLanguage.Ruby, "FileUtils.mv('/var/lib/mysql', '/tmp')", "/var/lib/mysql", Risk.High)]
    [InlineData(EmbeddedLanguage.Perl, "rename '/home/bob', '/tmp/bob'", "/home/bob", Risk.High)]
    [InlineData(EmbeddedLanguage.Php, "rename('/etc/nginx', '/tmp/n');", "/etc/nginx", Risk.High)]
    public void Scan_MoveOutsideWorkspace_IsUpdate(EmbeddedLanguage language, string code, string id, Risk risk)
    {
        var action = InterpreterScanner.Scan(language, code).Actions.ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Update);
        action.Target.Id.ShouldBe(id);
        action.Risk.ShouldBe(risk);
    }

    [Theory]
    [InlineData(EmbeddedLanguage.Python, "import os; os.rename('a.txt', 'b.txt')")]
    [InlineData(EmbeddedLanguage.JavaScript, "require('fs').renameSync('dist/a.js', 'dist/b.js')")]
    public void Scan_MoveInsideWorkspace_FindsNothing(EmbeddedLanguage language, string code)
    {
        InterpreterScanner.Scan(language, code).Actions.ShouldBeEmpty();
    }

    [Fact]
    public void Scan_PhpForeachOverGlob_IsJudgedByThePattern()
    {
        var delete = InterpreterScanner.Scan(EmbeddedLanguage.Php, "foreach (glob('*.log') as $f) { unlink($f); }").SingleDelete();
        delete.Target.Id.ShouldBe("*.log");
        delete.Risk.ShouldBe(Risk.Low);
    }
}

public sealed class InterpolatedCodeTests
{
    [Theory]
    [InlineData(EmbeddedLanguage.Python, "print(f\"{__import__('os').system('rm -rf /')}\")", "rm -rf /")]
    [InlineData(EmbeddedLanguage.Python, "import os; x = f'{os.popen(\"dropdb prod\").read()}'", "dropdb prod")]
    [InlineData(EmbeddedLanguage.JavaScript, "console.log(`${require('child_process').execSync('rm -rf ~')}`)", "rm -rf ~")]
    [InlineData(EmbeddedLanguage.JavaScript, "const s = `a ${`b ${require('child_process').execSync('git push -f')}`}`", "git push -f")]
    [InlineData(EmbeddedLanguage.Ruby, "puts \"#{`rm -rf /srv`}\"", "rm -rf /srv")]
    [InlineData(EmbeddedLanguage.Ruby, "puts \"#{system('git reset --hard')}\"", "git reset --hard")]
    [InlineData(EmbeddedLanguage.Perl, "print \"@{[ `rm -rf /` ]}\"", "rm -rf /")]
    [InlineData(EmbeddedLanguage.Perl, "print \"${\\ system('dropdb prod')}\"", "dropdb prod")]
    [InlineData(EmbeddedLanguage.Php, "echo \"{${system('rm -rf /')}}\";", "rm -rf /")]
    public void Scan_CodeInsideStringInterpolation_IsScanned(EmbeddedLanguage language, string code, string command)
    {
        var result = InterpreterScanner.Scan(language, code);
        result.ShellCommands.ShouldContain(command, result.Describe());
    }

    [Theory]
    [InlineData(EmbeddedLanguage.Python, "name = 'x'; print(f'hello {name}!')")]
    [InlineData(EmbeddedLanguage.JavaScript, "const n = 1; console.log(`n = ${n + 1}`)")]
    [InlineData(EmbeddedLanguage.Ruby, "n = 1; puts \"n = #{n}\"")]
    [InlineData(EmbeddedLanguage.Perl, "my $n = 1; print \"n = ${n}\"")]
    [InlineData(EmbeddedLanguage.Php, "$n = 1; echo \"n = {$n}\";")]
    public void Scan_PlainInterpolation_FindsNothing(EmbeddedLanguage language, string code)
    {
        InterpreterScanner.Scan(language, code).Describe().ShouldBeEmpty();
    }
}
