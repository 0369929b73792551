using Gatehouse.Core.Catalog;

namespace Gatehouse.Core.Tests.Interpreters;

public sealed class ScratchTests
{
    [Theory]
    [InlineData(EmbeddedLanguage.Python, "import shutil; shutil.rmtree('/home/u')")]
    [InlineData(EmbeddedLanguage.JavaScript, "require('fs').rmSync('/', {recursive:true})")]
    [InlineData(EmbeddedLanguage.Ruby, "FileUtils.rm_rf(Dir.home)")]
    [InlineData(EmbeddedLanguage.Perl, "use File::Path; rmtree(\"/srv\")")]
    [InlineData(EmbeddedLanguage.Php, "system(\"rm -rf /\");")]
    [InlineData(EmbeddedLanguage.Python, "import subprocess; subprocess.run(['git','reset','--hard'])")]
    [InlineData(EmbeddedLanguage.Python, "import os; os.system('dropdb prod')")]
    [InlineData(EmbeddedLanguage.Python, "import psycopg2; c=psycopg2.connect('x'); cur=c.cursor(); cur.execute(\"DROP TABLE users\")")]
    [InlineData(EmbeddedLanguage.Python, "import requests; requests.delete(\"https://api.x.com/v1/vol/1\", headers={'Authorization': 'Bearer x'}, json={'a': [1, True, None]})")]
    [InlineData(EmbeddedLanguage.JavaScript, "fetch(url, {method: 'DELETE', body: JSON.stringify({id: 1})})")]
    [InlineData(EmbeddedLanguage.Python, "print(\"rm -rf /\")")]
    [InlineData(EmbeddedLanguage.Python, "x = 'unterminated")]
    [InlineData(EmbeddedLanguage.Python, "import os; os.system(f'rm -rf {d}')")]
    [InlineData(EmbeddedLanguage.Perl, "system 'rm', '-rf', \"$ENV{HOME}/x\"")]
    public void Scratch(EmbeddedLanguage lang, string code)
    {
        var r = ScanAssertions.Scan(lang, code);
        Console.WriteLine(code + "\n" + r.Describe());
    }
}
