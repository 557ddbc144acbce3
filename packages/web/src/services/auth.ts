import { request } from "./request";
import type { Session } from "./types";

export function login(username: string, password: string): Promise<Session> {
  return request<Session>("/auth/login", { method: "POST", body: { username, password }, silent: true });
}

/** The current session, or rejects with ApiError(401) when not logged in. */
export function fetchMe(): Promise<Session> {
  return request<Session>("/auth/me", { silent: true });
}

export function logout(): Promise<void> {
  return request<void>("/auth/logout", { method: "POST", silent: true });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return request<void>("/auth/password", { method: "POST", body: { currentPassword, newPassword }, silent: true });
}
