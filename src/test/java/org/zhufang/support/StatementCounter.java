package org.zhufang.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application prepares, by wrapping the DataSource. Tests read
 * the count before and after a request to prove a query costs a fixed number of statements.
 */
public class StatementCounter implements BeanPostProcessor {

	private static final Set<String> STATEMENT_FACTORIES = Set.of("prepareStatement", "createStatement", "prepareCall");

	private final AtomicLong count = new AtomicLong();

	public long count() {
		return count.get();
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
			return proxy(DataSource.class, dataSource, (target, method, args) -> {
				Object result = invoke(method, target, args);
				return result instanceof Connection connection ? countingConnection(connection) : result;
			});
		}
		return bean;
	}

	private Connection countingConnection(Connection connection) {
		return proxy(Connection.class, connection, (target, method, args) -> {
			if (STATEMENT_FACTORIES.contains(method.getName())) {
				count.incrementAndGet();
			}
			return invoke(method, target, args);
		});
	}

	private interface Handler<T> {
		Object handle(T target, java.lang.reflect.Method method, Object[] args) throws Throwable;
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
		InvocationHandler invocation = (proxy, method, args) -> {
			if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
				return invoke(method, target, args);
			}
			return handler.handle(target, method, args);
		};
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, invocation);
	}

	private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}
}
