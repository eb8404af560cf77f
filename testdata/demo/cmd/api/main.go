// Command api runs the demo account API.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"jwtvet.test/demo/internal/auth"
	"jwtvet.test/demo/internal/config"
	"jwtvet.test/demo/internal/handlers"
	"jwtvet.test/demo/internal/legacy"
	"jwtvet.test/demo/internal/users"
)

func main() {
	if err := run(); err != nil {
		slog.Error("api stopped", "err", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}

	store := users.NewStore()
	if pw := os.Getenv("DEMO_PASSWORD"); pw != "" {
		demo := users.User{ID: "u1", Email: "demo@example.com", Name: "Demo User", Roles: []string{"admin"}}
		if err := store.Add(demo, pw); err != nil {
			return fmt.Errorf("demo user: %w", err)
		}
	}

	partnerKeys, err := auth.PartnerKeys()
	if err != nil {
		return err
	}
	issuer := auth.NewIssuer(cfg.Issuer, cfg.AccessKey, cfg.RefreshKey, cfg.AccessTTL, cfg.RefreshTTL)
	verifier := auth.NewVerifier(cfg.Issuer, cfg.AccessKey, cfg.Debug)
	partners := auth.NewPartnerVerifier(cfg.Issuer, partnerKeys)

	mux := http.NewServeMux()
	handlers.New(store, issuer, partners, cfg.NotifyURL).Register(mux, verifier)
	if cfg.LegacyConsole {
		legacy.New(store).Register(mux)
	}

	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       time.Minute,
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() {
		slog.Info("listening", "addr", cfg.Addr, "debug", cfg.Debug)
		errc <- srv.ListenAndServe()
	}()

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
