using Gatehouse.Core.Catalog;
using Gatehouse.Core.Interpreters;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Interpreters;

public sealed class PhpScannerTests
{
    private static InterpreterScanResult Scan(string code) => InterpreterScanner.Scan(EmbeddedLanguage.Php, code);

    [Theory]
    [InlineData("unlink('/etc/passwd');", "/etc/passwd", Risk.Critical)]
    [InlineData("rmdir('/home/www');", "/home/www", Risk.Critical)]
    [InlineData("unlink(getenv('HOME') . '/.bashrc');", "~/.bashrc", Risk.Critical)]
    [InlineData("unlink('cache/app.php');", "cache/app.php", Risk.Low)]
    [InlineData("\\unlink('/var/www/index.php');", "/var/www/index.php", Risk.Critical)]
    [InlineData("UNLINK('/boot/grub');", "/boot/grub", Risk.Critical)]
    [InlineData("$f = '/etc/nginx/nginx.conf'; unlink($f);", "/etc/nginx/nginx.conf", Risk.Critical)]
    [InlineData("<?php unlink('/srv'); ?>", "/srv", Risk.Critical)]
    [InlineData("array_map('unlink', glob('/var/www/uploads/*'));", "/var/www/uploads/*", Risk.Critical)]
    [InlineData("call_user_func('unlink', '/etc/hosts');", "/etc/hosts", Risk.Critical)]
    public void Scan_Deletion_ReportsTargetAndRisk(string code, string id, Risk risk)
    {
        var delete = Scan(code).SingleDelete();
        delete.Target.Id.ShouldBe(id);
        delete.Risk.ShouldBe(risk);
        delete.Tool.ShouldBe("php");
    }

    [Theory]
    [InlineData("system(\"rm -rf /\");", "rm -rf /")]
    [InlineData("system('rm -rf /');", "rm -rf /")]
    [InlineData("echo shell_exec('git reset --hard');", "git reset --hard")]
    [InlineData("exec('dropdb prod', $out);", "dropdb prod")]
    [InlineData("passthru('kubectl delete ns prod');", "kubectl delete ns prod")]
    [InlineData("$h = popen('docker system prune -af', 'r');", "docker system prune -af")]
    [InlineData("proc_open(['git', 'push', '--force'], [], $pipes);", "git push --force")]
    [InlineData("echo `rm -rf ~`;", "rm -rf ~")]
    [InlineData("pcntl_exec('/bin/rm', ['-rf', '/srv']);", "/bin/rm -rf /srv")]
    [InlineData("call_user_func('system', 'redis-cli FLUSHALL');", "redis-cli FLUSHALL")]
    [InlineData("SYSTEM('git clean -fdx');", "git clean -fdx")]
    [InlineData("system(base64_decode('cm0gLXJmIC8='));", "rm -rf /")]
    public void Scan_ShellHandoff_ReportsCommandLine(string code, string command)
    {
        var result = Scan(code);
        result.ShellCommands.ShouldContain(command, result.Describe());
    }

    [Theory]
    [InlineData("system($argv[1]);")]
    [InlineData("system(\"rm -rf $dir\");")]
    [InlineData("eval($_GET['c']);")]
    [InlineData("eval(base64_decode($p));")]
    [InlineData("call_user_func($fn, 'x');")]
    [InlineData("echo `$cmd`;")]
    [InlineData("unserialize($data);")]
    public void Scan_ComputedCode_FailsClosedAsOpaque(string code)
    {
        var result = Scan(code);
        result.IsOpaque().ShouldBeTrue(result.Describe());
    }

    [Fact]
    public void Scan_LiteralEval_IsScannedInTurn()
    {
        Scan("eval('system(\"rm -rf /\");');").ShellCommands.ShouldContain("rm -rf /");
    }

    [Theory]
    [InlineData("$pdo = new PDO($dsn); $pdo->exec('DROP TABLE users');", "DROP TABLE users")]
    [InlineData("$pdo->query(\"DELETE FROM orders\");", "DELETE FROM orders")]
    [InlineData("mysqli_query($conn, 'TRUNCATE sessions');", "TRUNCATE sessions")]
    [InlineData("$mysqli->query('DROP DATABASE shop');", "DROP DATABASE shop")]
    [InlineData("pg_query($c, \"UPDATE users SET role = 'admin'\");", "UPDATE users SET role = 'admin'")]
    public void Scan_SqlPassedToDriver_IsExtracted(string code, string sql)
    {
        var result = Scan(code);
        result.SqlTexts.ShouldContain(sql, result.Describe());
    }

    [Fact]
    public void Scan_CurlCustomRequest_IsDescribed()
    {
        var code = "$ch = curl_init('https://api.h/v1/volumes/3'); curl_setopt($ch, CURLOPT_CUSTOMREQUEST, 'DELETE'); curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Bearer t']); curl_exec($ch);";
        var request = Scan(code).HttpRequests.ShouldHaveSingleItem();
        request.Method.ShouldBe("DELETE");
        request.Url.ShouldBe("https://api.h/v1/volumes/3");
        request.Headers.ShouldBe([new("Authorization", "Bearer t")]);
    }

    [Fact]
    public void Scan_CurlPostFields_IsPostWithBody()
    {
        var code = "$ch = curl_init(); curl_setopt($ch, CURLOPT_URL, 'https://h/graphql'); curl_setopt($ch, CURLOPT_POSTFIELDS, '{\"query\":\"mutation{x}\"}'); curl_exec($ch);";
        var request = Scan(code).HttpRequests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Body.ShouldBe("{\"query\":\"mutation{x}\"}");
    }

    [Theory]
    [InlineData("print_r(getenv());")]
    [InlineData("var_dump($_ENV);")]
    [InlineData("echo file_get_contents(getenv('HOME') . '/.aws/credentials');")]
    public void Scan_CredentialAccess_IsMediumRead(string code)
    {
        var result = Scan(code);
        var action = result.Actions.ShouldHaveSingleItem(result.Describe());
        action.Verb.ShouldBe(Verb.Read);
        action.HasTag(Tags.CredentialAccess).ShouldBeTrue();
    }

    [Fact]
    public void Scan_PosixKill_IsHighExecute()
    {
        Scan("posix_kill(1, 9);").Actions.ShouldHaveSingleItem().Risk.ShouldBe(Risk.High);
    }

    [Theory]
    [InlineData("echo 1;")]
    [InlineData("echo 'system(\"rm -rf /\")';")]
    [InlineData("echo \"unlink('/etc/passwd')\";")]
    [InlineData("// system('rm -rf /');\necho 2;")]
    [InlineData("# unlink('/')\necho 3;")]
    [InlineData("/* exec('rm -rf /') */ echo 4;")]
    [InlineData("echo PHP_VERSION;")]
    [InlineData("$a = ['x' => 1]; echo json_encode($a);")]
    [InlineData("echo getenv('PATH');")]
    [InlineData("echo file_get_contents('composer.json');")]
    [InlineData("$s = <<<EOT\nsystem('rm -rf /')\nEOT;\necho strlen($s);")]
    [InlineData("$re = new DateTime(); echo $re->format('Y');")]
    [InlineData("preg_match('/exec\\(/', $x);")]
    public void Scan_HarmlessCode_FindsNothing(string code)
    {
        Scan(code).Describe().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("echo 'never closed;")]
    [InlineData("echo (1;")]
    [InlineData("/* open comment")]
    public void Scan_MalformedCode_IsOpaqueParseError(string code)
    {
        Scan(code).Actions.ShouldHaveSingleItem().HasTag(Tags.ParseError).ShouldBeTrue();
    }
}
