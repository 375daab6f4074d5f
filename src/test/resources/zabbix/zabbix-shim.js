// Runs the Zabbix media type's script the way Zabbix does (a function of `value`), with Zabbix's HttpRequest
// (synchronous) done by curl. Usage: node zabbix-shim.js <script.js> <params.json>; prints what the script returns.
const { execFileSync } = require('child_process');
const fs = require('fs');

function HttpRequest() {
  this.headers = [];
  this.status = 0;
}
HttpRequest.prototype.addHeader = function (header) { this.headers.push(header); };
HttpRequest.prototype.setProxy = function () {};
HttpRequest.prototype.getStatus = function () { return this.status; };
HttpRequest.prototype.post = function (url, body) {
  const args = ['-s', '-o', '-', '-w', '\n%{http_code}', '-X', 'POST', url, '--data-binary', '@-'];
  this.headers.forEach(header => args.push('-H', header));
  const out = execFileSync('curl', args, { input: body }).toString();
  const cut = out.lastIndexOf('\n');
  this.status = parseInt(out.substring(cut + 1), 10);
  return out.substring(0, cut);
};
const Zabbix = { log: function () {} };

const script = fs.readFileSync(process.argv[2], 'utf8');
const value = fs.readFileSync(process.argv[3], 'utf8');
try {
  process.stdout.write(String(new Function('value', 'HttpRequest', 'Zabbix', script)(value, HttpRequest, Zabbix)));
} catch (error) {
  process.stdout.write('FAILED ' + error);
  process.exitCode = 1;
}
