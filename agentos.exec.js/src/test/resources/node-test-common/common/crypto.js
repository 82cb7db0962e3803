'use strict';
// Agent OS's own test/common/crypto for Node's test/parallel in a VM: the helpers crypto and TLS tests import,
// written for this runtime (which is not OpenSSL: the version checks say so). Not Node's file.
const assert = require('assert');
const crypto = require('crypto');

// The 1024-bit MODP group 2 prime of RFC 2409 section 6.2.
const modp2buf = Buffer.from(
  'ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a08798e3404dd' +
  'ef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed' +
  'ee386bfb5a899fa5ae9f24117c4b1fe649286651ece65381ffffffffffffffff', 'hex');

function getRegExpForPEM(label, cipher) {
  const head = `\\-\\-\\-\\-\\-BEGIN ${label}\\-\\-\\-\\-\\-`;
  const rfc1421Header = cipher == null ? '' : `\nProc-Type: 4,ENCRYPTED\nDEK-Info: ${cipher},[^\n]+\n`;
  const body = '([a-zA-Z0-9\\+/=]{64}\n)*[a-zA-Z0-9\\+/=]{1,64}';
  const end = `\\-\\-\\-\\-\\-END ${label}\\-\\-\\-\\-\\-`;
  return new RegExp(`^${head}${rfc1421Header}\n${body}\n${end}\n$`);
}

function assertApproximateSize(key, expectedSize) {
  const u = typeof key === 'string' ? 'chars' : 'bytes';
  const min = Math.floor(0.9 * expectedSize);
  const max = Math.ceil(1.1 * expectedSize);
  assert(key.length >= min, `Key (${key.length} ${u}) is shorter than expected (${min} ${u})`);
  assert(key.length <= max, `Key (${key.length} ${u}) is longer than expected (${max} ${u})`);
}

function testEncryptDecrypt(publicKey, privateKey) {
  const message = 'Hello Node.js world!';
  const plaintext = Buffer.from(message, 'utf8');
  for (const key of [publicKey, privateKey]) {
    const ciphertext = crypto.publicEncrypt(key, plaintext);
    const received = crypto.privateDecrypt(privateKey, ciphertext);
    assert.strictEqual(received.toString('utf8'), message);
  }
}

function testSignVerify(publicKey, privateKey) {
  const message = Buffer.from('Hello Node.js world!');
  function oldSign(algo, data, key) { return crypto.createSign(algo).update(data).sign(key); }
  function oldVerify(algo, data, key, signature) { return crypto.createVerify(algo).update(data).verify(key, signature); }
  for (const signFn of [crypto.sign, oldSign]) {
    const signature = signFn('SHA256', message, privateKey);
    for (const verifyFn of [crypto.verify, oldVerify]) {
      for (const key of [publicKey, privateKey]) {
        assert.strictEqual(verifyFn('SHA256', message, key, signature), true);
        assert.strictEqual(verifyFn('SHA256', Buffer.from('Goodbye'), key, signature), false);
      }
    }
  }
}

module.exports = {
  modp2buf,
  assertApproximateSize,
  testEncryptDecrypt,
  testSignVerify,
  pkcs1PubExp: getRegExpForPEM('RSA PUBLIC KEY'),
  pkcs1PrivExp: getRegExpForPEM('RSA PRIVATE KEY'),
  pkcs1EncExp: (cipher) => getRegExpForPEM('RSA PRIVATE KEY', cipher),
  pkcs8Exp: getRegExpForPEM('PRIVATE KEY'),
  pkcs8EncExp: getRegExpForPEM('ENCRYPTED PRIVATE KEY'),
  sec1Exp: getRegExpForPEM('EC PRIVATE KEY'),
  sec1EncExp: (cipher) => getRegExpForPEM('EC PRIVATE KEY', cipher),
  spkiExp: getRegExpForPEM('PUBLIC KEY'),
  hasOpenSSL3: false,
  hasOpenSSL32: false,
  hasOpenSSL: () => false,
  // There is no openssl command in a VM; tests that need one skip themselves.
  opensslCli: false,
};
