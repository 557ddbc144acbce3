// 工作台 API (packages/server/src/home/routes.ts): the user's to-do list per role. Types from the contract.
import { request } from "./request";

import type { Todo } from "@kuanyan/contract/home";
export type { Todo };
import type { TodoSection } from "@kuanyan/contract/home";
export type { TodoSection };
import type { TodoItem } from "@kuanyan/contract/home";
export type { TodoItem };

export const getTodo = () => request<Todo>("/home/todo", { silent: true });
