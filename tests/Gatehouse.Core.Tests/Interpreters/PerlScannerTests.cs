using Gatehouse.Core.Catalog;
using Gatehouse.Core.Interpreters;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Interpreters;

public sealed class PerlScannerTests
{
    private static InterpreterScanResult Scan(string code) => InterpreterScanner.Scan(EmbeddedLanguage.Perl, code);

    [Theory]
    [InlineData("use File::Path; rmtree(\"/srv\")", "/srv", Risk.Critical)]
    [InlineData("use File::Path qw(remove_tree); remove_tree('/home/bob')", "/home/bob", Risk.Critical)]
    [InlineData("use File::Path; rmtree $ENV{HOME}", "~", Risk.Critical)]
    [InlineData("use File::Path; File::Path::rmtree(\"$ENV{HOME}\")", "~", Risk.Critical)]
    [InlineData("use File::Path; rmtree(\"$ENV{HOME}/projects\")", "~/projects", Risk.Critical)]
    [InlineData("use File::Path; rmtree('blib')", "blib", Risk.Low)]
    [InlineData("unlink '/etc/shadow'", "/etc/shadow", Risk.Critical)]
    [InlineData("unlink(\"out.tmp\") or die \"cannot: $!\"", "out.tmp", Risk.Low)]
    [InlineData("rmdir '/var'", "/var", Risk.Critical)]
    [InlineData("my $d = '/'; rmtree($d)", "/", Risk.Critical)]
    [InlineData("unlink glob('/var/log/*.log')", "/var/log/*.log", Risk.Critical)]
    public void Scan_Deletion_ReportsTargetAndRisk(string code, string id, Risk risk)
    {
        var delete = Scan(code).SingleDelete();
        delete.Target.Id.ShouldBe(id);
        delete.Risk.ShouldBe(risk);
        delete.Tool.ShouldBe("perl");
    }

    [Fact]
    public void Scan_UnlinkOfList_ReportsEachTarget()
    {
        var result = Scan("unlink('a.txt', '/etc/hosts');");
        result.Actions.Select(a => a.Target.Id).ShouldBe(["a.txt", "/etc/hosts"]);
    }

    [Theory]
    [InlineData("unlink $file")]
    [InlineData("unlink @ARGV")]
    [InlineData("rmtree($dir)")]
    public void Scan_DeletionOfComputedPath_IsHighDynamic(string code)
    {
        var delete = Scan(code).SingleDelete();
        delete.Risk.ShouldBe(Risk.High);
        delete.HasTag(Tags.DynamicTarget).ShouldBeTrue();
    }

    [Theory]
    [InlineData("system(\"rm -rf /\")", "rm -rf /")]
    [InlineData("system 'git reset --hard'", "git reset --hard")]
    [InlineData("system('git', 'push', '--force')", "git push --force")]
    [InlineData("system qw(dropdb prod)", "dropdb prod")]
    [InlineData("exec 'kubectl', 'delete', 'ns', 'prod'", "kubectl delete ns prod")]
    [InlineData("my $out = `rm -rf ~`;", "rm -rf ~")]
    [InlineData("print qx(docker volume rm pgdata);", "docker volume rm pgdata")]
    [InlineData("print qx{terraform destroy -auto-approve}", "terraform destroy -auto-approve")]
    [InlineData("open(my $fh, '-|', 'git', 'clean', '-fdx')", "git clean -fdx")]
    [InlineData("open(FH, \"redis-cli FLUSHALL |\")", "redis-cli FLUSHALL")]
    [InlineData("system(\"rm -rf $ENV{HOME}\")", "rm -rf ~")]
    public void Scan_ShellHandoff_ReportsCommandLine(string code, string command)
    {
        var result = Scan(code);
        result.ShellCommands.ShouldContain(command, result.Describe());
    }

    [Theory]
    [InlineData("system($cmd)")]
    [InlineData("system(\"rm -rf $dir\")")]
    [InlineData("`$ARGV[0]`")]
    [InlineData("eval $code")]
    [InlineData("eval(decode_base64($x))")]
    public void Scan_ComputedCode_FailsClosedAsOpaque(string code)
    {
        var result = Scan(code);
        result.IsOpaque().ShouldBeTrue(result.Describe());
    }

    [Fact]
    public void Scan_LiteralStringEval_IsScannedInTurn()
    {
        Scan("eval 'unlink \"/etc/passwd\"'").SingleDelete().Risk.ShouldBe(Risk.Critical);
    }

    [Theory]
    [InlineData("use DBI; my $dbh = DBI->connect($dsn); $dbh->do('DROP TABLE users');", "DROP TABLE users")]
    [InlineData("$dbh->do(\"DELETE FROM orders\")", "DELETE FROM orders")]
    [InlineData("my $sth = $dbh->prepare('TRUNCATE logs'); $sth->execute;", "TRUNCATE logs")]
    [InlineData("$dbh->selectall_arrayref(q{SELECT * FROM t})", "SELECT * FROM t")]
    public void Scan_SqlPassedToDriver_IsExtracted(string code, string sql)
    {
        var result = Scan(code);
        result.SqlTexts.ShouldContain(sql, result.Describe());
    }

    [Theory]
    [InlineData("use LWP::UserAgent; my $ua = LWP::UserAgent->new; $ua->delete('https://h/v/1');", "DELETE", "https://h/v/1")]
    [InlineData("use HTTP::Request; my $r = HTTP::Request->new(DELETE => 'https://h/items/9');", "DELETE", "https://h/items/9")]
    [InlineData("HTTP::Request->new('PUT', \"https://h/$id\")", "PUT", "https://h/{dynamic}")]
    [InlineData("HTTP::Tiny->new->request('DELETE', 'https://h/t')", "DELETE", "https://h/t")]
    [InlineData("use LWP::Simple; get('https://example.com')", "GET", "https://example.com")]
    public void Scan_HttpClientCall_IsDescribed(string code, string method, string url)
    {
        var result = Scan(code);
        var request = result.HttpRequests.ShouldHaveSingleItem(result.Describe());
        request.Method.ShouldBe(method);
        request.Url.ShouldBe(url);
    }

    [Theory]
    [InlineData("print join(',', %ENV)")]
    [InlineData("open(my $f, '<', \"$ENV{HOME}/.aws/credentials\"); print <$f>;")]
    [InlineData("open(F, \"$ENV{HOME}/.netrc\")")]
    public void Scan_CredentialAccess_IsMediumRead(string code)
    {
        var result = Scan(code);
        var action = result.Actions.ShouldHaveSingleItem(result.Describe());
        action.Verb.ShouldBe(Verb.Read);
        action.Risk.ShouldBe(Risk.Medium);
    }

    [Fact]
    public void Scan_Kill_IsHighExecute()
    {
        var action = Scan("kill 9, 1234").Actions.ShouldHaveSingleItem();
        action.Target.Id.ShouldBe("1234");
        action.Risk.ShouldBe(Risk.High);
    }

    [Theory]
    [InlineData("print \"hello\\n\"")]
    [InlineData("print 'rm -rf /'")]
    [InlineData("print \"system('rm -rf /')\"")]
    [InlineData("# unlink '/etc/passwd'\nprint 1")]
    [InlineData("my @a = (1, 2); print scalar(@a) % 2")]
    [InlineData("my %h = (a => 1); print $h{a}")]
    [InlineData("print $ENV{PATH}")]
    [InlineData("while (<STDIN>) { s/foo/bar/g; print }")]
    [InlineData("my $s = 'x'; $s =~ s{a}{b}g; $s =~ tr/a-z/A-Z/; print $s")]
    [InlineData("print join(',', map { $_ * 2 } grep { $_ % 2 } 1..10)")]
    [InlineData("my $x = q(it's fine); print $x")]
    [InlineData("print <<'EOT';\nsystem(\"rm -rf /\")\nEOT\n")]
    [InlineData("print \"done\" if -e '/etc/hosts'")]
    [InlineData("print 1;\n__END__\nsystem('rm -rf /')")]
    [InlineData("=pod\n\nsystem('rm -rf /')\n\n=cut\nprint 1")]
    public void Scan_HarmlessCode_FindsNothing(string code)
    {
        Scan(code).Describe().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("print 'never closed")]
    [InlineData("my $x = q(unbalanced")]
    [InlineData("print \"a\" . (1")]
    public void Scan_MalformedCode_IsOpaqueParseError(string code)
    {
        Scan(code).Actions.ShouldHaveSingleItem().HasTag(Tags.ParseError).ShouldBeTrue();
    }
}
