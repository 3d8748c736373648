package clientkey

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/gen-postman/gen-postman/internal/input"
)

// Limits on a key file and its key.
const (
	// MaxFileSize bounds a key file: an 8192-bit RSA key in PEM is under 7 KiB, and a file
	// that also holds a certificate chain stays well under this.
	MaxFileSize = 64 << 10
	// MinRSABits and MaxRSABits bound an RSA modulus, as verify bounds the issuer's keys.
	MinRSABits = 2048
	MaxRSABits = 8192
)

// Field is the flag that names the key file, in messages.
const Field = "private-key"

// Load reads and parses the PEM private key in the file at path. Every way the file or key is
// unfit is an [*input.Error] naming path; no message ever holds key material. The file is opened
// as every file the user names is (see [input.Open]): a FIFO or a device is refused at once. A
// file others may write is refused, since they could put their own key in it; one others may
// read is used, and warn says so.
func Load(path string, warn func(string)) (*Key, error) {
	bad := func(reason string) error { return &input.Error{Field: Field, Value: path, Reason: reason} }
	f, err := input.Open(Field, path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, bad(openReason(err))
	}
	if reason := input.OpenToOthers(info, "the private key"); reason != "" {
		if strings.Contains(reason, "write") {
			return nil, bad(reason + ": run chmod 600 on it")
		}
		if warn != nil {
			warn(fmt.Sprintf("%s %q %s: run chmod 600 on it", input.Flag(Field), path, reason))
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, bad("reading: " + openReason(err))
	}
	if len(data) > MaxFileSize {
		return nil, bad(fmt.Sprintf("larger than %d KiB: not a private key file", MaxFileSize>>10))
	}
	k, err := Parse(data)
	if err != nil {
		return nil, bad(err.Error())
	}
	return k, nil
}

func openReason(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "no such file"
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Parse reads the first private key of PEM data: PKCS#8 ("PRIVATE KEY"), PKCS#1 ("RSA PRIVATE
// KEY") or SEC 1 ("EC PRIVATE KEY"). Certificates and public keys beside it are passed over, but
// when the file holds certificates one must be for this key: a file with another key's
// certificate is a mix-up that the server would refuse. Its errors describe the data without
// quoting it.
func Parse(data []byte) (*Key, error) {
	k, certs, err := parse(data)
	if err != nil {
		return nil, err
	}
	if len(certs) > 0 && !certifies(certs, k) {
		return nil, errors.New("its certificate is for another key than the private key in it")
	}
	return k, nil
}

// certifies reports whether one of the DER certificates is for k's public key.
func certifies(certs [][]byte, k *Key) bool {
	own, err := x509.MarshalPKIXPublicKey(k.signer.Public())
	if err != nil {
		return false
	}
	for _, der := range certs {
		c, err := x509.ParseCertificate(der)
		if err != nil {
			continue
		}
		if pub, err := x509.MarshalPKIXPublicKey(c.PublicKey); err == nil && bytes.Equal(pub, own) {
			return true
		}
	}
	return false
}

func parse(data []byte) (*Key, [][]byte, error) {
	rest := data
	sawPEM := false
	var certs [][]byte
	var key *Key
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		sawPEM = true
		if strings.Contains(block.Type, "ENCRYPTED") || block.Headers["Proc-Type"] != "" {
			return nil, nil, errors.New("the key is encrypted: decrypt it first (openssl pkey -in FILE -out PLAIN.pem) and keep the result private")
		}
		var raw any
		var err error
		switch block.Type {
		case "PRIVATE KEY":
			raw, err = x509.ParsePKCS8PrivateKey(block.Bytes)
		case "RSA PRIVATE KEY":
			raw, err = x509.ParsePKCS1PrivateKey(block.Bytes)
		case "EC PRIVATE KEY":
			raw, err = x509.ParseECPrivateKey(block.Bytes)
		case "CERTIFICATE":
			certs = append(certs, block.Bytes)
			continue
		case "PUBLIC KEY", "RSA PUBLIC KEY", "EC PARAMETERS":
			continue
		default:
			return nil, nil, fmt.Errorf("a PEM block of type %q, not a private key (PKCS#8, PKCS#1 or SEC 1)", clip(block.Type))
		}
		if err != nil {
			return nil, nil, fmt.Errorf("a %s block that does not parse as one", block.Type)
		}
		if key != nil {
			return nil, nil, errors.New("two private keys: give a file with one")
		}
		if key, err = newKey(raw); err != nil {
			return nil, nil, err
		}
	}
	switch {
	case key != nil:
		return key, certs, nil
	case sawPEM:
		return nil, nil, errors.New("no private key in it, only public keys or certificates: give the private key the public one was made from")
	case bytes.Contains(data, []byte("-----BEGIN")):
		return nil, nil, errors.New("a damaged PEM block (check its BEGIN and END lines and base64)")
	}
	return nil, nil, errors.New("not a PEM file: want a private key between -----BEGIN PRIVATE KEY----- lines (PKCS#8, PKCS#1 or SEC 1)")
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// newKey checks that raw is a key gen-postman signs with, and wraps it.
func newKey(raw any) (*Key, error) {
	switch k := raw.(type) {
	case *rsa.PrivateKey:
		bits := k.N.BitLen()
		if bits < MinRSABits || bits > MaxRSABits {
			return nil, fmt.Errorf("an RSA key of %d bits: want %d to %d", bits, MinRSABits, MaxRSABits)
		}
		if len(k.Primes) != 2 {
			return nil, fmt.Errorf("an RSA key with %d primes: want two", len(k.Primes))
		}
		if err := k.Validate(); err != nil {
			return nil, errors.New("an RSA key that is not consistent (its numbers do not fit together)")
		}
		k.Precompute()
		return &Key{signer: k, Alg: AlgRS256}, nil
	case *ecdsa.PrivateKey:
		switch k.Curve {
		case elliptic.P256():
			return &Key{signer: k, Alg: AlgES256}, nil
		case elliptic.P384():
			return &Key{signer: k, Alg: AlgES384}, nil
		}
		return nil, fmt.Errorf("an EC key on %s: want P-256 or P-384", k.Curve.Params().Name)
	}
	return nil, fmt.Errorf("an %s key: want RSA (2048 to 8192 bits) or EC (P-256, P-384)", keyKind(raw))
}

func keyKind(raw any) string {
	switch raw.(type) {
	case ed25519.PrivateKey:
		return "Ed25519"
	case *ecdh.PrivateKey:
		return "X25519 (key agreement)"
	}
	return "unsupported"
}
