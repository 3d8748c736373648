package clientkey

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gen-postman/gen-postman/internal/input"
)

func pemOf(t testing.TB, typ string, der []byte) []byte {
	t.Helper()
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}

func pkcs8(t testing.TB, key any) []byte {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return pemOf(t, "PRIVATE KEY", der)
}

func TestParseAcceptsSupportedKeys(t *testing.T) {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	sec1 := func(k *ecdsa.PrivateKey) []byte {
		der, err := x509.MarshalECPrivateKey(k)
		if err != nil {
			t.Fatal(err)
		}
		return pemOf(t, "EC PRIVATE KEY", der)
	}
	cert := selfSigned(t, p256)
	tests := []struct {
		name string
		data []byte
		alg  string
	}{
		{"RSA PKCS#8", pkcs8(t, rsaKey), AlgRS256},
		{"RSA PKCS#1", pemOf(t, "RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(rsaKey)), AlgRS256},
		{"EC P-256 SEC 1", sec1(p256), AlgES256},
		{"EC P-256 PKCS#8", pkcs8(t, p256), AlgES256},
		{"EC P-384 SEC 1", sec1(p384), AlgES384},
		{"its certificate before the key", append(cert, pkcs8(t, p256)...), AlgES256},
		{"the key before its certificate", append(pkcs8(t, p256), cert...), AlgES256},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := Parse(tt.data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if k.Alg != tt.alg {
				t.Errorf("Alg = %s, want %s", k.Alg, tt.alg)
			}
		})
	}
}

func TestParseRefusesWithoutShowingTheKey(t *testing.T) {
	weak, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	p521, _ := ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
	_, ed, _ := ed25519.GenerateKey(rand.Reader)
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	pubDER, _ := x509.MarshalPKIXPublicKey(&p256.PublicKey)
	good := pkcs8(t, p256)
	other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	encrypted := pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Headers: map[string]string{"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-128-CBC,00"}, Bytes: []byte{1, 2, 3}})
	damaged := []byte(strings.Replace(string(good), "-----END PRIVATE KEY-----", "", 1))
	tests := []struct {
		name, data, want string
	}{
		{"a weak RSA key", string(pkcs8(t, weak)), "RSA key of 1024 bits: want 2048 to 8192"},
		{"P-521", string(pkcs8(t, p521)), "EC key on P-521: want P-256 or P-384"},
		{"Ed25519", string(pkcs8(t, ed)), "an Ed25519 key: want RSA"},
		{"PKCS#8 encrypted", string(pemOf(t, "ENCRYPTED PRIVATE KEY", []byte{1})), "the key is encrypted"},
		{"legacy encrypted PEM", string(encrypted), "the key is encrypted"},
		{"a public key", string(pemOf(t, "PUBLIC KEY", pubDER)), "only public keys or certificates"},
		{"a damaged block", string(damaged), "damaged PEM"},
		{"not PEM", "kty: EC", "not a PEM file"},
		{"garbage in a key block", string(pemOf(t, "EC PRIVATE KEY", []byte("nonsense"))), "does not parse"},
		{"another block", string(pemOf(t, "OPENSSH PRIVATE KEY", []byte{1})), `"OPENSSH PRIVATE KEY", not a private key`},
		{"another key's certificate", string(append(selfSigned(t, other), good...)), "its certificate is for another key"},
		{"two keys", string(append(pkcs8(t, other), good...)), "two private keys"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Parse: %v, want an error with %q", err, tt.want)
			}
			for _, line := range strings.Split(tt.data, "\n") {
				if len(line) > 20 && !strings.HasPrefix(line, "-----") && strings.Contains(err.Error(), line) {
					t.Errorf("the error shows key material: %v", err)
				}
			}
		})
	}
}

func TestLoadNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.pem")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	notKey := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notKey, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		big:                               "larger than 64 KiB",
		notKey:                            "not a PEM file",
		dir:                               "is a directory",
		filepath.Join(dir, "missing.pem"): "no such file",
	} {
		_, err := Load(path, nil)
		var ie *input.Error
		if !errors.As(err, &ie) || ie.Field != Field || ie.Value != path || !strings.Contains(ie.Reason, want) {
			t.Errorf("Load(%s) = %v, want an input error for --private-key naming the file, with %q", path, err, want)
		}
	}
}

// selfSigned is a PEM certificate for key, as Entra ID wants one uploaded.
func selfSigned(t *testing.T, key *ecdsa.PrivateKey) []byte {
	t.Helper()
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "svc"},
		NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return pemOf(t, "CERTIFICATE", der)
}
