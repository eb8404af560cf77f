package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The service shape: a module that looks like a real backend service. Its
// own code is small (97 packages) but it requires real third-party modules
// with a large dependency graph: gin (HTTP), gorm with the pgx-based
// Postgres driver (storage), the AWS SDK v2 (S3 uploads, Secrets Manager,
// SQS, DynamoDB), go-redis, zap, viper, casbin, Prometheus, OpenTelemetry
// over gRPC and gin-swagger. With them the program has 938 packages (the
// standard library and test variants included), of which about a tenth
// are the module's own, and about one in ten of those uses golang-jwt:
// the ratio of real services, where a driver that loads every dependency
// from source pays for the other nine tenths.
//
// The required versions are pinned in testdata/service/go.mod and go.sum,
// which GenerateService copies; testdata/service/deps.go imports every
// third-party package the generated code imports, so that `go mod tidy`
// there keeps both files complete. To change a version:
//
//	cd internal/bench/testdata/service && go get MOD@VERSION && go mod tidy
//
// DownloadServiceDeps fetches the modules into the module cache before
// any timer starts; loads then run with GOPROXY=off.

// ServiceModulePath is the module path of the generated service.
const ServiceModulePath = "jwtvet.test/benchservice"

// serviceDomains is the number of business domains of the service; the
// first domains take the auth variants in turn, one each, the others
// authenticate through the shared internal/authn middleware.
const serviceDomains = 18

// serviceCore are the shared packages of the service.
var serviceCore = []string{
	"internal/config",
	"internal/secrets",
	"pkg/tokens",
	"internal/settings",
	"internal/logging",
	"internal/awssecrets",
	"internal/authn",
	"internal/storage",
	"internal/database",
	"internal/cache",
	"internal/queue",
	"internal/audit",
	"internal/authz",
	"internal/telemetry",
	"internal/httpserver",
	"cmd/api",
	"cmd/worker",
}

// svcDomain is one business domain of the service.
type svcDomain struct {
	*domain
	Auth    bool // the domain has its own auth package (JWT code)
	Uploads bool // the domain stores files in S3
	Audited bool // the domain writes audit events to DynamoDB
	SvcDeps []*svcDomain
}

// servicePlan is the whole generated service.
type servicePlan struct {
	Module  string
	Domains []*svcDomain
}

func newServicePlan() *servicePlan {
	p := &servicePlan{Module: ServiceModulePath}
	algs := []string{"HS256", "HS384", "HS512"}
	jwtDomains := 0
	for i := range serviceDomains {
		noun := nouns[i%len(nouns)]
		d := &svcDomain{
			domain: &domain{
				Module:  p.Module,
				Name:    noun,
				Type:    strings.ToUpper(noun[:1]) + noun[1:],
				Table:   noun + "s",
				HMACAlg: algs[i%len(algs)],
				KeyEnv:  strings.ToUpper(noun) + "_JWT_KEY",
			},
			Uploads: i%3 == 1,
			Audited: i%2 == 0,
		}
		// Every other domain, while variants last, has its own auth
		// package: variant v in turn, so that the careful variants and
		// the ones with planted mistakes all appear once.
		if i%2 == 0 && jwtDomains < numAuthVariants {
			d.Auth = true
			d.Variant = jwtDomains
			d.WithTests = true
			if d.Variant == authRefresh {
				d.PrevAuth = p.Domains[0].domain // the first JWT domain
			}
			jwtDomains++
		}
		for _, back := range []int{1, 3} {
			if i-back >= 0 {
				d.SvcDeps = append(d.SvcDeps, p.Domains[i-back])
			}
		}
		p.Domains = append(p.Domains, d)
	}
	return p
}

var svcDomainKinds = []string{"model", "repo", "service", "handler"}

// packagePaths lists the import paths of the service's packages.
func (p *servicePlan) packagePaths() []string {
	var paths []string
	for _, c := range serviceCore {
		paths = append(paths, p.Module+"/"+c)
	}
	for _, d := range p.Domains {
		for _, kind := range svcDomainKinds {
			paths = append(paths, d.Path(kind))
		}
		if d.Auth {
			paths = append(paths, d.Path("auth"))
		}
	}
	return paths
}

// jwtPackagePaths lists the import paths of the packages that import
// golang-jwt.
func (p *servicePlan) jwtPackagePaths() []string {
	paths := []string{p.Module + "/internal/secrets", p.Module + "/pkg/tokens", p.Module + "/internal/authn"}
	for _, d := range p.Domains {
		if d.Auth {
			paths = append(paths, d.Path("auth"))
		}
	}
	return paths
}

// GenerateService writes the service module into dir (created if needed).
// The output is always the same. The third-party modules must be in the
// module cache before the module is loaded (see DownloadServiceDeps).
func GenerateService(dir string) error {
	return newServicePlan().write(dir)
}

func (p *servicePlan) write(dir string) error {
	gomod, err := os.ReadFile(filepath.Join(serviceFixtureDir(), "go.mod"))
	if err != nil {
		return err
	}
	gosum, err := os.ReadFile(filepath.Join(serviceFixtureDir(), "go.sum"))
	if err != nil {
		return err
	}
	if !strings.HasPrefix(string(gomod), "module "+p.Module+"\n") {
		return fmt.Errorf("%s: want module %s", filepath.Join(serviceFixtureDir(), "go.mod"), p.Module)
	}
	w := &writer{root: dir}
	w.raw("go.mod", string(gomod))
	w.raw("go.sum", string(gosum))
	// Shared with the layered shape: env-based defaults and keys, and the
	// shared token helpers.
	w.gofile("internal/config/config.go", tmplConfig, p)
	w.gofile("internal/secrets/secrets.go", tmplSecrets, p)
	w.gofile("pkg/tokens/tokens.go", tmplTokens, p)
	w.gofile("pkg/tokens/tokens_test.go", tmplTokensTest, p)
	w.gofile("internal/settings/settings.go", svcSettings, p)
	w.gofile("internal/settings/settings_test.go", svcSettingsTest, p)
	w.gofile("internal/logging/logging.go", svcLogging, p)
	w.gofile("internal/awssecrets/awssecrets.go", svcAWSSecrets, p)
	w.gofile("internal/authn/authn.go", svcAuthn, p)
	w.gofile("internal/storage/storage.go", svcStorage, p)
	w.gofile("internal/database/database.go", svcDatabase, p)
	w.gofile("internal/cache/cache.go", svcCache, p)
	w.gofile("internal/queue/queue.go", svcQueue, p)
	w.gofile("internal/audit/audit.go", svcAudit, p)
	w.gofile("internal/authz/authz.go", svcAuthz, p)
	w.gofile("internal/authz/authz_test.go", svcAuthzTest, p)
	w.gofile("internal/telemetry/telemetry.go", svcTelemetry, p)
	w.gofile("internal/httpserver/httpserver.go", svcHTTPServer, p)
	w.gofile("cmd/api/main.go", svcMainAPI, p)
	w.gofile("cmd/worker/main.go", svcMainWorker, p)
	for _, d := range p.Domains {
		base := "domains/" + d.Name + "/"
		w.gofile(base+"model/model.go", svcModel, d)
		w.gofile(base+"model/model_test.go", svcModelTest, d)
		w.gofile(base+"repo/repo.go", svcRepo, d)
		w.gofile(base+"service/service.go", svcService, d)
		w.gofile(base+"handler/handler.go", svcHandler, d)
		if d.Auth {
			w.gofile(base+"auth/auth.go", authTemplates[d.Variant], d.domain)
			w.gofile(base+"auth/gin.go", svcAuthGin, d)
			w.gofile(base+"auth/auth_test.go", tmplAuthTest, d.domain)
		}
	}
	return w.err
}

// serviceFixtureDir holds the go.mod and go.sum of the service module.
func serviceFixtureDir() string {
	return filepath.Join(filepath.Dir(fixtureDir()), "internal", "bench", "testdata", "service")
}
