// 工作台 API (packages/server/src/home/routes.ts): the user's to-do list per role. Types from the contract.
import type { z } from "zod";
import type { ZTodo, ZTodoItem, ZTodoSection } from "@kuanyan/contract/home";
import { request } from "./request";

export type Todo = z.infer<typeof ZTodo>;
export type TodoSection = z.infer<typeof ZTodoSection>;
export type TodoItem = z.infer<typeof ZTodoItem>;

export const getTodo = () => request<Todo>("/home/todo", { silent: true });
